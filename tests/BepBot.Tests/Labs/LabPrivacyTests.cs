using System.Globalization;
using System.Text.Json.Nodes;
using BepBot.Chat;
using BepBot.Platform.CommunePages;
using BepBot.Features.Labs;
using BepBot.Features.Roster;
using BepBot.Infrastructure.Text;
using BepBot.Tests.Harness;
using Microsoft.Extensions.DependencyInjection;

namespace BepBot.Tests.Labs;

public sealed class LabPrivacyTests : LabsBotTestBase
{
    [Fact]
    public async Task MesDonnees_ShowsRosterEntryRegistrationsAndAttendance()
    {
        var lab = await CreateLabAsync(LabFixtures.NewLab());
        await Teams.InvokeAsync(TeamsUser.Lynne, "labs.register", Data(lab.Id));

        var card = CardReader.AllText((await Teams.SayAsync(TeamsUser.Lynne, "mes données")).Card);

        card.ShouldContain("Lynne Robbins");
        card.ShouldContain("Ciney");
        card.ShouldContain(TeamsUser.Lynne.AadObjectId);
        card.ShouldContain(lab.Details.Title);
        card.ShouldContain("Présence non notée");
    }

    [Fact]
    public async Task SupprimerMesDonnees_AfterConfirmation_ErasesEverythingAndPromotesTheWaiting()
    {
        var lab = await CreateLabAsync(LabFixtures.NewLab(capacity: 1));
        await Teams.InvokeAsync(TeamsUser.Lynne, "labs.register", Data(lab.Id));
        await Teams.InvokeAsync(TeamsUser.Patti, "labs.register", Data(lab.Id));

        var ask = (await Teams.SayAsync(TeamsUser.Lynne, "supprimer mes données")).Card;
        var done = await Teams.ClickAsync(TeamsUser.Lynne, ask, "Oui, tout supprimer");

        CardReader.AllText(done.UpdatedCard!).ShouldContain("1 inscription effacée");
        var after = await LabAsync(lab.Id);
        after.Registrations.ShouldNotContain(registration => registration.AadObjectId == TeamsUser.Lynne.AadObjectId);
        (await Bot.KeysAsync(LabBook.InboxPrefix)).ShouldNotContain(key => key.Contains(TeamsUser.Lynne.AadObjectId, StringComparison.Ordinal));
        after.StandingOf(TeamsUser.Patti.AadObjectId)!.Registration.Status.ShouldBe(SeatStatus.Confirmed);
        (await WaitForCardsToAsync(TeamsUser.Patti, "Une place s'est libérée")).Count.ShouldBe(1);
        CardReader.AllText((await Teams.SayAsync(TeamsUser.Lynne, "mes données")).Card).ShouldContain("Aucune inscription.");
    }

    [Fact]
    public async Task SupprimerMesDonnees_KeptOrForged_NothingErased()
    {
        var lab = await CreateLabAsync(LabFixtures.NewLab());
        await Teams.InvokeAsync(TeamsUser.Lynne, "labs.register", Data(lab.Id));

        var ask = (await Teams.SayAsync(TeamsUser.Lynne, "supprimer mes données")).Card;
        CardReader.AllText((await Teams.ClickAsync(TeamsUser.Lynne, ask, "Non, ne rien changer")).UpdatedCard!).ShouldContain("rien n'a été modifié");
        (await Teams.InvokeAsync(TeamsUser.Lynne, "labs.erase", new JsonObject { ["confirm"] = false })).AllText.ShouldContain("Rien n'a été supprimé");
        (await Teams.InvokeAsync(TeamsUser.Lynne, "labs.erase", new JsonObject { ["confirm"] = "oui" })).AllText.ShouldContain("données invalides");

        (await LabAsync(lab.Id)).StandingOf(TeamsUser.Lynne.AadObjectId).ShouldNotBeNull();
    }

    [Fact]
    public async Task CommunePageSection_UpcomingLabsWithTheCommunesCounts()
    {
        var lab = await CreateLabAsync(LabFixtures.NewLab(capacity: 1));
        await CreateLabAsync(LabFixtures.NewLab(title: "Séminaire annulé") with { State = LabState.Cancelled });
        await Teams.InvokeAsync(TeamsUser.Patti, "labs.register", Data(lab.Id));
        await Teams.InvokeAsync(TeamsUser.Megan, "labs.register", Data(lab.Id));
        var section = Bot.Services.GetServices<ICommunePageSection>().OfType<LabsCommunePageSection>().Single();
        var viewer = new ChatUser(TeamsUser.Megan.AadObjectId, "Megan Bowen", Role.Bourgmestre, null);

        var namur = await section.DescribeAsync("Namur", viewer, Cultures.French, default);
        var ciney = await section.DescribeAsync("Ciney", viewer, Cultures.English, default);

        namur!.Title.ShouldBe("Séminaires à venir");
        var line = namur.Lines.ShouldHaveSingleItem();
        line.Text.ShouldStartWith("La cybersécurité dans nos communes (");
        line.Detail.ShouldBe("1 place confirmée pour la commune, 1 personne en liste d'attente");
        ciney!.Title.ShouldBe("Upcoming seminars");
        ciney.Lines.Single().Detail.ShouldBe("No registration from the commune yet.");
    }
}
