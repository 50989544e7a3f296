using System.Text.Json.Nodes;
using BepBot.Tests.Harness;
using BepBot.Tests.Labs;

namespace BepBot.Tests.Bot;

/// <summary>
/// Issue 19: a real Teams client merges the current value of every input of a card into the data of the button
/// clicked. Every button of a card with inputs works that way; a member that is not an input of the card is still
/// refused, and changes nothing. (Every test that clicks a card clicks this way: <see cref="TeamsClient.ClickAsync"/>.)
/// </summary>
public sealed class TeamsCardInputsTests() : ConnectedBotTest(
    [TeamsUser.Alex, TeamsUser.Megan, TeamsUser.Patti],
    settings: new Dictionary<string, string?> { ["Observatoire:SeedDemo"] = "true" })
{
    private static readonly string InvalidData = Fr("Cette carte contient des données invalides ; rien n'a été modifié.");

    [Fact]
    public async Task DiagnosticExport_WithTheIndicatorTeamsSendsAlong_GivesTheCsv()
    {
        var diagnostic = (await Teams.SayAsync(TeamsUser.Megan, "diagnostic de Gembloux")).Card;
        var sent = TeamsData(diagnostic, "Exporter en CSV");
        ((string?)sent["indicator"]).ShouldNotBeNullOrEmpty();

        var export = await Teams.InvokeAsync(TeamsUser.Megan, "observatoire.export", sent);

        export.AllText.ShouldNotContain(InvalidData);
        export.AllText.ShouldContain("en CSV est prêt");
    }

    [Fact]
    public async Task DiagnosticExport_WithAMemberThatIsNoInputOfTheCard_IsRefusedAndMakesNothing()
    {
        var diagnostic = (await Teams.SayAsync(TeamsUser.Megan, "diagnostic de Gembloux")).Card;
        var forged = TeamsData(diagnostic, "Exporter en CSV");
        forged["owner"] = TeamsUser.Alex.AadObjectId;
        var before = await Bot.KeysAsync("exports/");

        var refused = await Teams.InvokeAsync(TeamsUser.Megan, "observatoire.export", forged);

        refused.AllText.ShouldContain(InvalidData);
        (await Bot.KeysAsync("exports/")).ShouldBe(before);
    }

    [Fact]
    public async Task RegistrantsCard_ExportAndClose_WithTheMessageTeamsSendsAlong_Work()
    {
        var lab = await LabFixtures.CreateAsync(Bot, LabFixtures.NewLab());
        var list = (await Teams.InvokeAsync(TeamsUser.Alex, "labs.registrants", new JsonObject { ["labId"] = lab.Id })).Card;
        TeamsData(list, "Exporter (CSV et tableur)").ContainsKey("message").ShouldBeTrue();

        var export = await Teams.ClickAsync(TeamsUser.Alex, list, "Exporter (CSV et tableur)");
        var closed = await Teams.ClickAsync(TeamsUser.Alex, list, "Clôturer les inscriptions", new Dictionary<string, string> { ["message"] = "Un brouillon pas envoyé" });

        export.AllText.ShouldNotContain(InvalidData);
        export.AllText.ShouldContain(Fr("Les inscriptions à « La cybersécurité dans nos communes »"));
        closed.AllText.ShouldNotContain(InvalidData);
        (await LabFixtures.GetAsync(Bot, lab.Id)).State.ShouldBe(BepBot.Features.Labs.LabState.Closed);
    }

    [Fact]
    public async Task RegistrantsCard_CloseWithAMemberThatIsNoInputOfTheCard_IsRefusedAndChangesNothing()
    {
        var lab = await LabFixtures.CreateAsync(Bot, LabFixtures.NewLab());
        var list = (await Teams.InvokeAsync(TeamsUser.Alex, "labs.registrants", new JsonObject { ["labId"] = lab.Id })).Card;
        var forged = TeamsData(list, "Clôturer les inscriptions");
        forged["state"] = "Open";

        var refused = await Teams.InvokeAsync(TeamsUser.Alex, "labs.close", forged);

        refused.AllText.ShouldContain(InvalidData);
        (await LabFixtures.GetAsync(Bot, lab.Id)).State.ShouldBe(BepBot.Features.Labs.LabState.Open);
    }

    // What Teams sends for a click on the button: its data, and the current value of every input of the card.
    private static JsonObject TeamsData(JsonObject card, string title)
    {
        var data = CardReader.FindAction(card, title)["data"]!.DeepClone().AsObject();
        foreach (var input in CardReader.Inputs(card))
        {
            data[(string)input["id"]!] = CardReader.CurrentValue(input);
        }

        return data;
    }
}
