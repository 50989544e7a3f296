using BepBot.Chat.Dashboard;
using BepBot.Infrastructure.Time;
using BepBot.Tests.Harness;
using BepBot.Tests.Labs;

namespace BepBot.Tests.Communes;

/// <summary>« Ma commune » in the tab: a bourgmestre's or an officer's own commune, the sections the chat's `ma commune` shows; staff choose.</summary>
public sealed class CommuneBoardTests() : ConnectedBotTest([TeamsUser.Alex, TeamsUser.Megan, TeamsUser.Patti])
{
    [Fact]
    public async Task Bourgmestre_SeesTheirCommunesSections_ItsRegistrationsAndOpenBallots()
    {
        var lab = await LabFixtures.CreateAsync(Bot, LabFixtures.NewLab(capacity: 5));
        await Teams.InvokeAsync(TeamsUser.Patti, "labs.register", new System.Text.Json.Nodes.JsonObject { ["labId"] = lab.Id });

        var page = await Bot.LoadPageAsync(TeamsUser.Megan, "commune");

        (page.Title, page.Back).ShouldBe(("Commune de Namur", null));
        var labs = page.Block<FactsBlock>("Séminaires à venir").Facts.Single();
        labs.ShouldBe(new Fact($"La cybersécurité dans nos communes ({BelgianTime.FormatDate(lab.Details.StartsAt, BelgianTime.French)})", "1 place confirmée pour la commune, 0 personne en liste d'attente"));
        page.Block<FactsBlock>("Votes ouverts").Text.ShouldBe("Aucun vote ouvert pour cette commune.");
    }

    [Fact]
    public async Task Sections_WrittenInTheCardsMarkdown_AreShownAsPlainText()
    {
        var lab = await LabFixtures.CreateAsync(Bot, LabFixtures.NewLab(title: "1. Cybersécurité : *atelier* [pratique] - niveau 2"));

        var page = await Bot.LoadPageAsync(TeamsUser.Megan, "commune");

        page.Block<FactsBlock>("Séminaires à venir").Facts.Single().Label
            .ShouldBe($"1. Cybersécurité : *atelier* [pratique] - niveau 2 ({BelgianTime.FormatDate(lab.Details.StartsAt, BelgianTime.French)})");
        page.AllText().ShouldNotContain("\\");
    }

    [Fact]
    public async Task Bourgmestre_AskingAnotherCommune_IsToldItShowsTheirsOnly()
    {
        var other = await Bot.LoadPageAsync(TeamsUser.Megan, "commune", new Dictionary<string, string> { ["commune"] = "Dinant" });
        var own = await Bot.LoadPageAsync(TeamsUser.Patti, "commune", new Dictionary<string, string> { ["commune"] = "namur" });

        other.AllText().ShouldContain(Fr("Cette page ne montre que votre commune, Namur : ouvrez « Ma commune » pour la voir."));
        other.Blocks.ShouldHaveSingleItem();
        own.Title.ShouldBe("Commune de Namur");
        Bot.Page("commune").IsFor(await Bot.UserAsync(TeamsUser.Stranger)).ShouldBeFalse();
    }

    [Fact]
    public async Task Staff_ChooseTheCommune()
    {
        var list = await Bot.LoadPageAsync(TeamsUser.Alex, "commune");
        var ciney = await Bot.LoadPageAsync(TeamsUser.Alex, "commune", new Dictionary<string, string> { ["commune"] = "Ciney" });
        var unknown = await Bot.LoadPageAsync(TeamsUser.Alex, "commune", new Dictionary<string, string> { ["commune"] = "Atlantide" });

        var rows = list.Block<TableBlock>("Choisissez une commune").Rows;
        rows.Count.ShouldBe(40);
        rows.Single(row => row.Id == "Ciney").Link.ShouldBe("commune?commune=Ciney");
        (ciney.Title, ciney.Back).ShouldBe(("Commune de Ciney", "commune"));
        unknown.Block<FactsBlock>("Commune introuvable").Text.ShouldBe(Fr("« Atlantide » n'est pas une des 40 communes des bassins du BEP. Vérifiez l'orthographe, par exemple « la commune de Ciney »."));
    }
}
