using System.Text.Json.Nodes;
using BepBot.Features.Projects;
using BepBot.Infrastructure.Scheduling;
using BepBot.Infrastructure.Storage;
using BepBot.Tests.Harness;
using Microsoft.Extensions.DependencyInjection;

namespace BepBot.Tests.Projects;

/// <summary>The register synchronised from a SharePoint list through the real Graph SDK, against the fake Graph server.</summary>
public sealed class ProjectSyncTests : IAsyncLifetime
{
    private const string Items = "/sites/site-1/lists/list-1/items";
    private const string Delta = "/sites/site-1/lists/list-1/items/delta";

    private FakeGraphServer _graph = null!;
    private BotApplication _bot = null!;
    private TeamsClient _client = null!;

    /// <summary>What page 2 answers; null is the normal page.</summary>
    private Func<GraphResponse>? _pageTwo;

    /// <summary>What the stored delta link answers.</summary>
    private Func<GraphResponse>? _deltaT1;

    public async Task InitializeAsync()
    {
        _graph = await FakeGraphServer.StartAsync();
        _graph.On("GET", Items, request => request.Query.Contains("skiptoken=page2", StringComparison.Ordinal)
            ? _pageTwo?.Invoke() ?? GraphResponse.Ok(new JsonObject { ["value"] = new JsonArray(Item("2", "Réseau de chaleur de Gembloux", 40), Item("3", "Maison de l'emploi", 10)) })
            : GraphResponse.Ok(new JsonObject
            {
                ["value"] = new JsonArray(Item("1", "Namur au fil de l'eau", 60, ["Namur", "Dinant"], "fil de l'eau"), UntitledItem("9")),
                ["@odata.nextLink"] = $"{_graph.BaseUrl}{Items}?$skiptoken=page2&$expand=fields",
            }));
        _graph.On("GET", Delta, request =>
            request.Query.Contains("token=latest", StringComparison.Ordinal) ? GraphResponse.Ok(DeltaPage([], "t1"))
            : request.Query.Contains("token=t1", StringComparison.Ordinal) ? _deltaT1?.Invoke() ?? GraphResponse.Ok(DeltaPage([Item("2", "Réseau de chaleur de Gembloux", 80), Deleted("3")], "t2"))
            : GraphResponse.Error(400, "invalidRequest", "unknown token"));
        _bot = new BotApplication(settings: new Dictionary<string, string?>
        {
            ["Projects:SeedDemo"] = "true",
            ["Projects:SharePointSiteId"] = "site-1",
            ["Projects:SharePointListId"] = "list-1",
            ["Graph:BaseUrl"] = _graph.BaseUrl,
        });
        // The hourly sync is due at the top of the hour: a test that ran across one would meet a sync it did not ask
        // for. The bot's clock starts at half past, so the scheduled one comes only when a test moves the clock.
        var now = DateTimeOffset.UtcNow;
        _bot.Clock.Offset = new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, 30, 0, TimeSpan.Zero) - now;
        _client = _bot.CreateTeamsClient();
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _bot.DisposeAsync();
        await _graph.DisposeAsync();
    }

    private async Task<Document<ProjectRegister>> RegisterAsync() => (await _bot.Store.GetAsync<ProjectRegister>(ProjectRegisterStore.Key))!;

    [Fact]
    public async Task Sync_FullReadOverTwoPages_ReplacesRegisterAndKeepsDeltaLink()
    {
        var reply = await _client.SayAsync(TeamsUser.Alex, "synchroniser projets");

        reply.Texts.Single().ShouldBe(Fr("Registre synchronisé depuis SharePoint (lecture complète) : 3 ajoutés, 0 modifié, 12 retirés, 1 ignoré ; 3 projets et centrales au total."));
        var register = (await RegisterAsync()).Value;
        register.Projects.Select(project => project.Name).Order().ShouldBe(["Maison de l'emploi", "Namur au fil de l'eau", "Réseau de chaleur de Gembloux"]);
        register.Projects.ShouldAllBe(project => !project.IsDemo && project.Source == "SharePoint");
        register.DeltaLink.ShouldBe($"{_graph.BaseUrl}{Delta}?token=t1");
        var fil = register.Find("sp-1")!;
        fil.Communes.ShouldBe(["Namur", "Dinant"]);
        fil.Bassins.ShouldBe(["namur-capitale", "dinant-meuse-condroz"]);
        fil.Status.ShouldBe(ProjectStatus.InProgress);
        fil.NextMilestoneDate.ShouldBe(new DateOnly(2027, 3, 1));
        var requests = _graph.RequestsTo("GET", Items);
        requests.Count.ShouldBe(2);
        Uri.UnescapeDataString(requests[0].Query).ShouldContain("$expand=fields");
        Uri.UnescapeDataString(requests[1].Query).ShouldContain("$skiptoken=page2");

        var answer = CardReader.AllText((await _client.SayAsync(TeamsUser.Megan, "où en est le fil de l'eau ?")).Card);
        answer.ShouldContain(Fr("Où en est-il ? En cours, 60 %"));
        answer.ShouldContain(Fr("par Sophie Dupuis · source : SharePoint"));
        answer.ShouldNotContain("Données de démonstration");
    }

    [Fact]
    public async Task Sync_Second_ReadsOnlyChangesThroughDeltaLink()
    {
        await _client.SayAsync(TeamsUser.Alex, "synchroniser projets");

        var reply = await _client.SayAsync(TeamsUser.Alex, "synchroniser projets");

        reply.Texts.Single().ShouldBe(Fr("Registre synchronisé depuis SharePoint (changements seulement) : 0 ajouté, 1 modifié, 1 retiré, 0 ignoré ; 2 projets et centrales au total."));
        var register = (await RegisterAsync()).Value;
        register.Find("sp-3").ShouldBeNull();
        register.Find("sp-2")!.Progress.ShouldBe(80);
        register.Find("sp-2")!.Version.ShouldBe(2);
        register.DeltaLink.ShouldBe($"{_graph.BaseUrl}{Delta}?token=t2");
        _graph.RequestsTo("GET", Items).Count.ShouldBe(2);
    }

    [Fact]
    public async Task Sync_DeltaLinkExpired_ReadsWholeListAgain()
    {
        await _client.SayAsync(TeamsUser.Alex, "synchroniser projets");
        _deltaT1 = () => GraphResponse.Error(410, "resyncRequired", "The delta token has expired");

        var reply = await _client.SayAsync(TeamsUser.Alex, "synchroniser projets");

        reply.Texts.Single().ShouldStartWith(Fr("Registre synchronisé depuis SharePoint (lecture complète) : 0 ajouté, 0 modifié, 0 retiré, 1 ignoré ; 3 projets"));
        _graph.RequestsTo("GET", Items).Count.ShouldBe(4);
    }

    [Theory]
    [InlineData(503, "HTTP 503")]
    [InlineData(403, "HTTP 403")]
    public async Task Sync_PageTwoFails_RegisterNeitherWipedNorHalfUpdated(int status, string expected)
    {
        var before = await RegisterAsync();
        _pageTwo = () => GraphResponse.Error(status, status == 403 ? "accessDenied" : "serviceNotAvailable", "injected", TimeSpan.Zero);

        var reply = await _client.SayAsync(TeamsUser.Alex, "synchroniser projets");

        reply.Texts.Single().ShouldStartWith($"La synchronisation a échoué ({expected}", customMessage: reply.RawBody);
        reply.Texts.Single().ShouldContain("le registre n'a pas été modifié");
        var after = await RegisterAsync();
        after.ETag.ShouldBe(before.ETag);
        after.Value.Projects.Count.ShouldBe(12);
        after.Value.Projects.ShouldAllBe(project => project.IsDemo);
        var pageTwo = _graph.RequestsTo("GET", Items).Count(request => request.Query.Contains("skiptoken=page2", StringComparison.Ordinal));
        // The SDK retries a 503 (honouring Retry-After) before giving up; a 403 is final at once.
        (status == 503 ? pageTwo > 1 : pageTwo == 1).ShouldBeTrue($"page 2 asked {pageTwo} time(s)");
        CardReader.AllText((await _client.SayAsync(TeamsUser.Megan, "où en est le fil de l'eau ?")).Card).ShouldContain("Données de démonstration");
    }

    [Fact]
    public async Task Sync_FromBourgmestre_RefusedNothingAsked()
    {
        var reply = await _client.SayAsync(TeamsUser.Megan, "synchroniser projets");

        reply.Texts.Single().ShouldStartWith("Cette commande est réservée au personnel du BEP.");
        _graph.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task PeriodicSync_ScheduledAtStart_RunSyncsAndSchedulesNext()
    {
        await _client.SayAsync(TeamsUser.Megan, "aide");
        var scheduler = _bot.Services.GetRequiredService<JobBook>();
        var jobs = new List<ScheduledJob>();
        await foreach (var job in scheduler.ListAsync(ProjectSyncJob.JobKind))
        {
            jobs.Add(job);
        }

        var first = jobs.ShouldHaveSingleItem();
        first.Id.ShouldStartWith("projects-sync-");
        first.DueAt.ShouldBeGreaterThan(DateTimeOffset.UtcNow);

        _bot.Clock.Offset = first.DueAt - DateTimeOffset.UtcNow + TimeSpan.FromSeconds(1);
        // Through the runner, which claims the job under its lease: the bot's own scheduler, seeing the same shifted
        // clock, may sweep at the same moment, and only one of the two must run the sync.
        await _bot.Services.GetRequiredService<JobRunner>().RunDueJobsAsync("test");
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while ((await scheduler.GetAsync(first.Id))?.State is not JobState.Done && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        (await RegisterAsync()).Value.Projects.Count.ShouldBe(3);
        var next = ProjectSyncJob.NextSlot(_bot.Clock.GetUtcNow(), TimeSpan.FromHours(1));
        (await scheduler.GetAsync(next.Id)).ShouldNotBeNull();
    }

    [Fact]
    public async Task Sync_NotConfigured_SaysSo()
    {
        await using var bot = new BotApplication(settings: new Dictionary<string, string?> { ["Projects:SeedDemo"] = "true" });
        using var client = bot.CreateTeamsClient();

        var reply = await client.SayAsync(TeamsUser.Alex, "synchroniser projets");

        reply.Texts.Single().ShouldStartWith("La synchronisation SharePoint n'est pas configurée");
    }

    private static JsonObject Item(string id, string title, int progress, string[]? communes = null, string? aliases = null) => new()
    {
        ["id"] = id,
        ["lastModifiedDateTime"] = "2026-11-20T10:00:00Z",
        ["lastModifiedBy"] = new JsonObject { ["user"] = new JsonObject { ["displayName"] = "Sophie Dupuis" } },
        ["fields"] = new JsonObject
        {
            ["Title"] = title,
            ["Kind"] = "Projet",
            ["Programme"] = "Projets communaux",
            ["Communes"] = new JsonArray([.. (communes ?? ["Gembloux"]).Select(commune => (JsonNode)commune)]),
            ["Status"] = "En cours",
            ["Phase"] = "Travaux",
            ["Progress"] = progress,
            ["NextMilestone"] = "Réception des travaux",
            ["NextMilestoneDate"] = "2027-03-01T00:00:00Z",
            ["ContactName"] = "Service projets",
            ["ContactEmail"] = "projets@bep.example",
            ["Aliases"] = aliases ?? string.Empty,
            ["Summary"] = title,
        },
    };

    private static JsonObject UntitledItem(string id) => new() { ["id"] = id, ["fields"] = new JsonObject { ["Progress"] = 5 } };

    private static JsonObject Deleted(string id) => new() { ["id"] = id, ["deleted"] = new JsonObject { ["state"] = "deleted" } };

    private JsonObject DeltaPage(JsonObject[] items, string token) => new()
    {
        ["value"] = new JsonArray([.. items]),
        ["@odata.deltaLink"] = $"{_graph.BaseUrl}{Delta}?token={token}",
    };
}
