using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Globalization;
using System.Text.Json.Nodes;
using BepBot.Tests.Harness;

namespace BepBot.Benchmarks;

/// <summary>
/// How long one chat turn takes inside the bot: the activity posted to /api/messages in-process (expectReplies),
/// through authentication, deduplication, state, routing and the reply. Each scenario prepares its turn once and
/// is then timed over many sequential turns, after a warm-up.
/// </summary>
public static class TurnLatencyBenchmark
{
    /// <summary>A kind of turn: prepared once per bot, then sent again and again (each with a fresh activity id).</summary>
    public sealed record Scenario(string Name, Func<BotApplication, TeamsClient, Task<Func<Task<BotResponse>>>> Prepare);

    public static IReadOnlyList<Scenario> Scenarios { get; } =
    [
        new("`aide` (help card)", (_, teams) => Task.FromResult<Func<Task<BotResponse>>>(() => teams.SayAsync(TeamsUser.Megan, "aide"))),
        new("vote click (card action, vote recorded or changed)", async (bot, teams) =>
        {
            // An open ballot: each click changes Megan's vote for Namur, so every turn writes.
            var ballot = await BepBot.Tests.Votes.VoteSteps.OpenAsync(bot, BepBot.Tests.Votes.VoteSteps.Motion("Benchmark : approuvez-vous la proposition ?"));
            var clicks = 0;
            return () => BepBot.Tests.Votes.VoteSteps.VoteAsync(teams, TeamsUser.Megan, ballot.Id, "Namur", ++clicks % 2 == 0 ? "pour" : "contre");
        }),
        new("RSVP click (answer recorded or changed)", async (bot, teams) =>
        {
            var session = await ScheduledSessionAsync(bot);
            var clicks = 0;
            return () => teams.InvokeAsync(TeamsUser.Megan, "conferences.rsvp", new JsonObject { ["sessionId"] = session.Id, ["answer"] = ++clicks % 2 == 0 ? "present" : "absent" });
        }),
        new("seminar click (registration, then its cancellation)", async (bot, teams) =>
        {
            var lab = await BepBot.Tests.Labs.LabFixtures.CreateAsync(bot, BepBot.Tests.Labs.LabFixtures.NewLab(capacity: 30));
            var clicks = 0;
            return () => ++clicks % 2 == 1
                ? teams.InvokeAsync(TeamsUser.Patti, "labs.register", new JsonObject { ["labId"] = lab.Id })
                : teams.InvokeAsync(TeamsUser.Patti, "labs.cancel", new JsonObject { ["labId"] = lab.Id, ["from"] = "mine" });
        }),
    ];

    /// <summary>A session of the whole province in a month, open for answers, as staff would have scheduled it.</summary>
    private static async Task<BepBot.Features.Conferences.ConferenceSession> ScheduledSessionAsync(BotApplication bot)
    {
        var now = bot.Clock.GetUtcNow();
        var session = new BepBot.Features.Conferences.ConferenceSession(
            BepBot.Features.Conferences.ConferenceStore.NewId(), 1, "Benchmark : séance de printemps", null, "BEP, avenue Sergent Vrithoff 2, Namur", false, 120,
            [], now.AddDays(30), BepBot.Features.Conferences.QuorumRule.Majority, BepBot.Features.Conferences.ConferenceState.Scheduled,
            [], 0, [], null, new BepBot.Features.Conferences.CalendarSync(BepBot.Features.Conferences.CalendarSyncState.Pending), now, "Alex Wilber", now, "Alex Wilber", "Créée pour le benchmark.");
        await Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<BepBot.Features.Conferences.ConferenceStore>(bot.Services).CreateAsync(session);
        return session;
    }

    public static async Task<IReadOnlyList<BenchmarkResult>> RunAllAsync(int turns) =>
    [
        new("turns-localfolder", "Turn latency, local folder store", await RunAsync("LocalFolder", turns)),
        new("turns-blob", "Turn latency, Azurite", await RunAsync("Blob", turns)),
    ];

    public static async Task<IReadOnlyList<(string Name, string Value)>> RunAsync(string store, int turns)
    {
        var figures = new List<(string Name, string Value)>
        {
            ("store", store == "Blob" ? "Azurite 3.35 (blob documents, table of activity claims), in memory, over loopback HTTP" : "local folder store (the embedded default)"),
            ("turns per scenario (after 200 warm-up turns)", turns.ToString(CultureInfo.InvariantCulture)),
        };
        foreach (var scenario in Scenarios)
        {
            figures.AddRange(await RunScenarioAsync(scenario, store, turns));
        }

        return figures;
    }

    /// <summary>
    /// One scenario on a bot and store of its own, with the production timers (the test harness shortens them),
    /// so that neither the previous scenario's documents nor test-speed polling are charged to it.
    /// </summary>
    private static async Task<IReadOnlyList<(string Name, string Value)>> RunScenarioAsync(Scenario scenario, string store, int turns)
    {
        await using var bot = new BotApplication(settings: new Dictionary<string, string?>
        {
            ["Logging:LogLevel:Default"] = "Warning",
            ["Storage:Provider"] = store,
            ["Storage:LocalFolder"] = Path.Combine(Path.GetTempPath(), "bepbot-bench-" + Guid.NewGuid().ToString("N")),
            ["Scheduling:PollInterval"] = null,
            ["Broadcasts:StatusRefreshInterval"] = null,
            ["Broadcasts:IdlePollInterval"] = null,
            ["Broadcasts:BaseRetryDelay"] = null,
            ["Roster:CacheDuration"] = null,
        });
        using var teams = bot.CreateTeamsClient();
        var turn = await scenario.Prepare(bot, teams);
        for (var warmUp = 0; warmUp < 200; warmUp++)
        {
            await SendCheckedAsync(turn);
        }

        using var storeCalls = new StoreCallCounter();
        var milliseconds = new double[turns];
        var clock = new Stopwatch();
        var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        for (var index = 0; index < turns; index++)
        {
            clock.Restart();
            await SendCheckedAsync(turn);
            milliseconds[index] = clock.Elapsed.TotalMilliseconds;
        }

        process.Refresh();
        var cpuPerTurn = (process.TotalProcessorTime - cpuBefore).TotalMilliseconds / turns;

        Array.Sort(milliseconds);
        var documents = (await bot.KeysAsync()).Count;
        Console.WriteLine($"{scenario.Name}: p50 {Percentile(milliseconds, 0.50):F2} ms, p99 {Percentile(milliseconds, 0.99):F2} ms, " +
            $"store op {storeCalls.MeanDuration()}, {documents} documents, store {storeCalls.PerTurn(turns)}");
        if (store == "Blob")
        {
            // Azurite looks a blob up by scanning every blob of the account: a fresh account for the next scenario.
            await new Azure.Storage.Blobs.BlobContainerClient(BepBot.Tests.Harness.Azurite.ConnectionString, bot.Container).DeleteIfExistsAsync();
            await new Azure.Data.Tables.TableClient(BepBot.Tests.Harness.Azurite.ConnectionString, new BepBot.Infrastructure.Storage.StorageOptions { Container = bot.Container }.ClaimsTableName).DeleteAsync();
        }

        return
        [
            ($"{scenario.Name}: p50", $"{Percentile(milliseconds, 0.50):F2} ms"),
            ($"{scenario.Name}: p99", $"{Percentile(milliseconds, 0.99):F2} ms"),
            ($"{scenario.Name}: max", $"{milliseconds[^1]:F2} ms"),
            ($"{scenario.Name}: store operations per turn (background work included)", storeCalls.PerTurn(turns)),
            // The bot's process, the in-process test client included; Azurite's own work runs in its own process.
            ($"{scenario.Name}: CPU time per turn (bot process)", $"{cpuPerTurn:F2} ms"),
            ($"{scenario.Name}: mean time of one store operation", storeCalls.MeanDuration()),
            ($"{scenario.Name}: documents in the store at the end", documents.ToString(CultureInfo.InvariantCulture)),
        ];
    }

    public static double Percentile(double[] sorted, double rank) =>
        sorted.Length == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(rank * sorted.Length) - 1, 0, sorted.Length - 1)];

    private static async Task SendCheckedAsync(Func<Task<BotResponse>> turn)
    {
        var response = await turn();
        if ((int)response.Status >= 300 || response.Activities.Count == 0)
        {
            throw new InvalidOperationException($"The turn failed ({(int)response.Status}): {response.RawBody}");
        }
    }
}
