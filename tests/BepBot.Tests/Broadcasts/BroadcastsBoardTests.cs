using System.Text.Json.Nodes;
using BepBot.Chat.Dashboard;
using BepBot.Platform.Delivery;
using BepBot.Tests.Harness;
using static BepBot.Tests.Broadcasts.BroadcastSteps;

namespace BepBot.Tests.Broadcasts;

/// <summary>
/// « Diffusions » in the staff tab, read from the delivery records the engine wrote. Adele Vance never opened BepBot;
/// Teams answers 500 to every send to Lynne Robbins.
/// </summary>
public sealed class BroadcastsBoardTests() : ConnectedBotTest([TeamsUser.Alex, TeamsUser.Megan, TeamsUser.Patti, TeamsUser.Lynne], inEnglish: [TeamsUser.Isaiah])
{
    [Fact]
    public async Task BroadcastPage_FailuresFirstWithTheirReason_ThenTheOthers_AndTheReport()
    {
        Connector.Script(TeamsClient.ConversationIdFor(TeamsUser.Lynne, ConversationType.Personal), 500, 500, 500, 500, 500, 500);
        var (_, broadcastId) = await SendAsync(Teams, Inputs("everyone"));
        await WaitForStateAsync(Bot, broadcastId, BroadcastState.Completed);

        var list = await Bot.LoadPageAsync(TeamsUser.Alex, "broadcasts");
        var page = await Bot.LoadPageAsync(TeamsUser.Alex, "broadcasts", new Dictionary<string, string> { ["broadcast"] = broadcastId });

        var row = list.Block<TableBlock>("Diffusions").Rows.Single();
        (row.Link, row.Texts()["title"], row.Texts()["state"], row.Texts()["recipients"]).ShouldBe(($"broadcasts?broadcast={broadcastId}", "Conférence du 12 mars", "Terminée", "6"));
        (page.Title, page.Back, page.RefreshSeconds).ShouldBe(("Conférence du 12 mars", "broadcasts", null));
        var counts = page.Block<FactsBlock>("Remise").Facts.ToDictionary(fact => fact.Label, fact => fact.Value);
        (counts["Envoyés"], counts["Échecs"], counts["Non joignables"]).ShouldBe(("4", "1", "1"));
        var problems = page.Block<TableBlock>(Fr("À vérifier : échecs et destinataires non joignables")).Rows.Select(problem => problem.Texts()).ToList();
        problems.Select(problem => (problem["name"], problem["status"])).ShouldBe([("Lynne Robbins", "Échec"), ("Adele Vance", "Non joignable")]);
        problems[0]["reason"].ShouldContain("500");
        problems[1]["reason"].ShouldBe(Fr("Pas encore joignable : BepBot n'a pas encore été ouvert dans Teams, ou en a été retiré depuis."));
        page.Block<TableBlock>("Autres destinataires").Rows.Select(other => (other.Texts()["name"], other.Cells["status"].Tone))
            .ShouldBe([("Alex Wilber", CellTone.Good), ("Isaiah Langer", CellTone.Good), ("Megan Bowen", CellTone.Good), ("Patti Fernandez", CellTone.Good)]);

        var report = await Bot.RunActionAsync(TeamsUser.Alex, "broadcasts.report", new JsonObject { ["broadcastId"] = broadcastId });

        report.Done.ShouldBeTrue();
        var file = report.Next!.Block<ButtonsBlock>("Fichiers à télécharger").Buttons.Single();
        file.Label.ShouldBe("Rapport de remise (CSV)");
        var csv = await Teams.Http.GetStringAsync(new Uri(file.Href!).PathAndQuery);
        csv.ShouldContain("destinataire,commune,résultat,envoyé le,tentatives,raison");
        csv.ShouldContain("Lynne Robbins,Ciney,échec,,5,");
    }

    [Fact]
    public async Task UnknownBroadcastOrNotStaff_SaysSoAndPreparesNothing()
    {
        var (_, broadcastId) = await SendAsync(Teams, Inputs("bourgmestres"));
        await WaitForStateAsync(Bot, broadcastId, BroadcastState.Completed);
        var exports = (await Bot.KeysAsync("exports/")).Count;

        var page = await Bot.LoadPageAsync(TeamsUser.Alex, "broadcasts", new Dictionary<string, string> { ["broadcast"] = "nosuchbroadcast" });
        var unknown = await Bot.RunActionAsync(TeamsUser.Alex, "broadcasts.report", new JsonObject { ["broadcastId"] = "nosuchbroadcast" });

        page.AllText().ShouldContain(Fr("Cette diffusion est introuvable. Revenez à la liste « Diffusions » pour voir celles qui existent."));
        unknown.ShouldBe(DashboardActionResult.Refused(Fr("Cette diffusion est introuvable. Revenez à la liste « Diffusions » pour voir celles qui existent.")));
        Bot.Action("broadcasts.report").IsAllowed(await Bot.UserAsync(TeamsUser.Patti)).ShouldBeFalse();
        Bot.Page("broadcasts").IsFor(await Bot.UserAsync(TeamsUser.Patti)).ShouldBeFalse();
        (await Bot.KeysAsync("exports/")).Count.ShouldBe(exports);
    }
}
