using System.Text.Json.Nodes;
using BepBot.Chat.Dashboard;
using BepBot.Features.Conferences;
using BepBot.Tests.Harness;

namespace BepBot.Tests.Conferences;

/// <summary>« Conférences » in the staff tab, read from the answers, procurations and agenda the chat wrote.</summary>
public sealed class ConferencesBoardTests : ConferenceTest
{
    [Fact]
    public async Task SessionPage_AnswersByBassinProcurationsQuorumAndAgenda()
    {
        var (session, _) = await ScheduleAsync(quorum: "majority", date: InDays(30));
        await Teams.InvokeAsync(TeamsUser.Megan, "conferences.rsvp", new JsonObject { ["sessionId"] = session.Id, ["answer"] = "present" });
        await Teams.InvokeAsync(TeamsUser.Adele, "conferences.rsvp", new JsonObject { ["sessionId"] = session.Id, ["answer"] = "represented", ["holder"] = TeamsUser.Megan.AadObjectId });
        await Teams.InvokeAsync(TeamsUser.Isaiah, "conferences.rsvp", new JsonObject { ["sessionId"] = session.Id, ["answer"] = "absent" });
        await Conferences.ChangeAsync(session.Id, current => current with { Agenda = [new AgendaItem("budget", "Budget 2027", "Alex Wilber", 30, [])] }, "Alex Wilber", "agenda");

        var page = await Bot.LoadPageAsync(TeamsUser.Alex, "conferences", new Dictionary<string, string> { ["session"] = session.Id });

        (page.Title, page.Back, page.RefreshSeconds).ShouldBe(("Conférence de printemps", "conferences", 30));
        var quorum = page.Block<FactsBlock>("Quorum").Facts;
        quorum.Single(fact => fact.Label == "Présentes ou représentées").Value.ShouldBe("2 sur 40");
        quorum.Single(fact => fact.Label == "État").ShouldBe(new Fact("État", Fr("Quorum non atteint : 21 communes requises, il en manque 19."), CellTone.Warning));
        page.Block<TableBlock>("Quorum par bassin").Rows.Select(row => (row.Id, row.Texts()["counted"], row.Cells["counted"].Ratio))
            .ShouldBe([("namur-capitale", "1 sur 16", 1.0 / 16), ("dinant-meuse-condroz", "1 sur 13", 1.0 / 13), ("essaimage", "0 sur 11", 0.0)]);
        var answers = page.Block<TableBlock>("Réponses des communes").Rows;
        answers.Count.ShouldBe(40);
        Answer(answers, "Namur").ShouldBe(("participation confirmée", CellTone.Good, "Bassin de Namur-Capitale"));
        Answer(answers, "Dinant").ShouldBe(("procuration donnée à Megan Bowen", CellTone.Good, "Arrondissement de Dinant (Dinant-Meuse-Condroz)"));
        Answer(answers, "Couvin").ShouldBe(("absence annoncée", CellTone.Neutral, "Région Essaimage (Entre-Sambre-et-Meuse)"));
        Answer(answers, "Andenne").ShouldBe(("Pas de réponse", CellTone.Warning, "Bassin de Namur-Capitale"));
        var procuration = page.Block<TableBlock>("Procurations").Rows.Single().Texts();
        (procuration["commune"], procuration["giver"], procuration["holder"]).ShouldBe(("Dinant", "Adele Vance", "Megan Bowen (Namur)"));
        var item = page.Block<TableBlock>("Ordre du jour").Rows.Single().Texts();
        (item["time"], item["item"], item["details"]).ShouldBe((Fr("14 h"), "Budget 2027", "Présenté par Alex Wilber · 30\u00A0min"));
    }

    [Fact]
    public async Task DatePoll_TallyPerDateAndEachCommunesAvailability()
    {
        var (session, _) = await ScheduleAsync(title: "Conférence d'automne", candidates: [InDays(20), InDays(21)]);
        await Teams.InvokeAsync(TeamsUser.Megan, "conferences.poll", new JsonObject { ["sessionId"] = session.Id, ["d0"] = "yes", ["d1"] = "no" });

        var list = await Bot.LoadPageAsync(TeamsUser.Alex, "conferences");
        var page = await Bot.LoadPageAsync(TeamsUser.Alex, "conferences", new Dictionary<string, string> { ["session"] = session.Id });

        var row = list.Block<TableBlock>("À venir").Rows.Single();
        (row.Link, row.Texts()["state"]).ShouldBe(($"conferences?session={session.Id}", "Sondage de date en cours"));
        page.Block<TableBlock>("Sondage de date").Rows.Select(date => (date.Texts()["yes"], date.Texts()["no"])).ShouldBe([("1", "0"), ("0", "1")]);
        var availability = page.Block<TableBlock>("Disponibilités des communes").Rows;
        availability.Single(commune => commune.Id == "Namur").Texts().ShouldBe(new Dictionary<string, string> { ["commune"] = "Namur", ["d0"] = "Oui", ["d1"] = "Non" });
        availability.Single(commune => commune.Id == "Andenne").Cells["d0"].ShouldBe(new DashboardCell("Pas de réponse", Tone: CellTone.Warning));
        page.Blocks.OfType<TableBlock>().ShouldNotContain(block => block.Heading == "Réponses des communes");
    }

    [Fact]
    public async Task SessionPage_UnknownSessionOrNotStaff_SaysSoAndShowsNothing()
    {
        var page = await Bot.LoadPageAsync(TeamsUser.Alex, "conferences", new Dictionary<string, string> { ["session"] = "nosuchsession" });

        page.AllText().ShouldContain(Fr("Cette séance est introuvable : elle n'existe pas ou plus. Revenez à la liste « Séances » pour voir les autres."));
        Bot.Page("conferences").IsFor(await Bot.UserAsync(TeamsUser.Megan)).ShouldBeFalse();
    }

    private static (string Text, CellTone Tone, string? Group) Answer(IReadOnlyList<TableRow> rows, string commune)
    {
        var row = rows.Single(row => row.Id == commune);
        return (row.Cells["answer"].Text, row.Cells["answer"].Tone, row.Group);
    }
}
