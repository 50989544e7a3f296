using System.Net;
using System.Text.Json.Nodes;
using BepBot.Infrastructure.Exports;
using BepBot.Tests.Harness;
using BepBot.Tests.Labs;
using Microsoft.Extensions.DependencyInjection;
using static BepBot.Tests.Exports.ExportFiles;

namespace BepBot.Tests.Exports;

/// <summary>
/// Issue 17: a link to a person's data dies soon after its use (15 minutes) and its file with it; a link to figures
/// keeps its day; every download is private (not cached, not sniffed, no Referer, an attachment).
/// </summary>
public sealed class ExportLinkTests() : ConnectedBotTest(
    [TeamsUser.Alex, TeamsUser.Megan, TeamsUser.Patti],
    settings: new Dictionary<string, string?> { ["Observatoire:SeedDemo"] = "true", ["Exports:PurgeInterval"] = "00:00:00.200" })
{
    [Fact]
    public async Task PersonalDataExport_LinkSaysItsShortLifeAndDiesAfterIt()
    {
        var links = await ExportLabAsync();

        (await GetAsync(Teams, links[0])).StatusCode.ShouldBe(HttpStatusCode.OK);
        Bot.Clock.Offset = TimeSpan.FromMinutes(14);
        (await GetAsync(Teams, links[1])).StatusCode.ShouldBe(HttpStatusCode.OK);
        Bot.Clock.Offset = TimeSpan.FromMinutes(15) + TimeSpan.FromSeconds(5);

        foreach (var link in links)
        {
            (await GetAsync(Teams, link)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        }
    }

    [Fact]
    public async Task ExportWithoutPersonalData_KeepsItsDay()
    {
        var link = await ExportDiagnosticAsync();

        Bot.Clock.Offset = TimeSpan.FromHours(23);
        (await GetAsync(Teams, link)).StatusCode.ShouldBe(HttpStatusCode.OK);
        Bot.Clock.Offset = TimeSpan.FromHours(24) + TimeSpan.FromSeconds(5);
        (await GetAsync(Teams, link)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task ExpiredFiles_AreDeletedFromTheStoreWithoutAnyoneAsking()
    {
        var personal = await ExportLabAsync();
        var figures = await ExportDiagnosticAsync();
        var keysOf = (IEnumerable<Uri> links) => links.Select(link => "exports/" + link.Segments[^1]).ToList();
        (await Bot.KeysAsync("exports/")).ShouldContain(key => keysOf(personal).Contains(key));

        Bot.Clock.Offset = TimeSpan.FromMinutes(16);

        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while ((await Bot.KeysAsync("exports/")).Intersect(keysOf(personal)).Any() && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        var left = await Bot.KeysAsync("exports/");
        left.ShouldNotContain(key => keysOf(personal).Contains(key));
        left.ShouldContain(keysOf([figures]).Single());
        (await GetAsync(Teams, personal[0])).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await GetAsync(Teams, figures)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Download_IsNeitherCachedSniffedNorReferredAndAlwaysAnAttachment()
    {
        var link = (await ExportLabAsync())[0];

        using var found = await GetAsync(Teams, link);
        using var missing = await Teams.Http.GetAsync("/exports/" + new string('0', 48));

        found.StatusCode.ShouldBe(HttpStatusCode.OK);
        found.Content.Headers.ContentDisposition!.DispositionType.ShouldBe("attachment");
        found.Content.Headers.ContentDisposition.FileNameStar.ShouldEndWith(".csv");
        missing.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        foreach (var response in new[] { found, missing })
        {
            response.Headers.CacheControl.ShouldNotBeNull().NoStore.ShouldBeTrue();
            response.Headers.GetValues("X-Content-Type-Options").ShouldBe(["nosniff"]);
            response.Headers.GetValues("Referrer-Policy").ShouldBe(["no-referrer"]);
        }
    }

    [Fact]
    public async Task Save_WithoutSayingWhatTheFileCarries_IsRefusedAndNothingStored()
    {
        var exports = Bot.Services.GetRequiredService<ExportStore>();
        var before = await Bot.KeysAsync("exports/");

        await Should.ThrowAsync<ArgumentOutOfRangeException>(() => exports.SaveAsync(default, "liste.ics", "text/calendar", [1, 2, 3]));

        (await Bot.KeysAsync("exports/")).ShouldBe(before);
    }

    // Patti registered: the lab's CSV and spreadsheet name her.
    private async Task<IReadOnlyList<Uri>> ExportLabAsync()
    {
        var lab = await LabFixtures.CreateAsync(Bot, LabFixtures.NewLab());
        await Teams.InvokeAsync(TeamsUser.Patti, "labs.register", new JsonObject { ["labId"] = lab.Id });
        var export = await Teams.InvokeAsync(TeamsUser.Alex, "labs.export", new JsonObject { ["labId"] = lab.Id });
        export.AllText.ShouldContain(Fr("liens valables 15 minutes : ils contiennent des données personnelles"));
        var links = LinksIn(export.AllText);
        links.Count.ShouldBe(2);
        return links;
    }

    // A commune's figures: nobody's data.
    private async Task<Uri> ExportDiagnosticAsync()
    {
        var diagnostic = (await Teams.SayAsync(TeamsUser.Megan, "diagnostic de Gembloux")).Card;
        var export = (await Teams.ClickAsync(TeamsUser.Megan, diagnostic, "Exporter en CSV")).Card;
        CardReader.AllText(export).ShouldContain("Le lien reste valable 24 heures.");
        return new Uri((string)CardReader.FindAction(export, "Télécharger le CSV")["url"]!);
    }
}
