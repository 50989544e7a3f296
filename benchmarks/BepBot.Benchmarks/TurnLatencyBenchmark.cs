using System.Diagnostics;
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
    ];

    public static async Task<IReadOnlyList<BenchmarkResult>> RunAllAsync(int turns) =>
    [
        new("turns-localfolder", "Turn latency, local folder store", await RunAsync("LocalFolder", turns)),
        new("turns-blob", "Turn latency, Azurite", await RunAsync("Blob", turns)),
    ];

    public static async Task<IReadOnlyList<(string Name, string Value)>> RunAsync(string store, int turns)
    {
        await using var bot = new BotApplication(settings: new Dictionary<string, string?>
        {
            ["Logging:LogLevel:Default"] = "Warning",
            ["Storage:Provider"] = store,
            ["Storage:LocalFolder"] = Path.Combine(Path.GetTempPath(), "bepbot-bench-" + Guid.NewGuid().ToString("N")),
        });
        using var teams = bot.CreateTeamsClient();
        var figures = new List<(string Name, string Value)>
        {
            ("store", store == "Blob" ? "Azurite 3.35 (blob), in memory, over loopback HTTP" : "local folder store (the embedded default)"),
            ("turns per scenario (after 200 warm-up turns)", turns.ToString(CultureInfo.InvariantCulture)),
        };
        foreach (var scenario in Scenarios)
        {
            var turn = await scenario.Prepare(bot, teams);
            for (var warmUp = 0; warmUp < 200; warmUp++)
            {
                await SendCheckedAsync(turn);
            }

            var milliseconds = new double[turns];
            var clock = new Stopwatch();
            for (var index = 0; index < turns; index++)
            {
                clock.Restart();
                await SendCheckedAsync(turn);
                milliseconds[index] = clock.Elapsed.TotalMilliseconds;
            }

            Array.Sort(milliseconds);
            figures.Add(($"{scenario.Name}: p50", $"{Percentile(milliseconds, 0.50):F2} ms"));
            figures.Add(($"{scenario.Name}: p99", $"{Percentile(milliseconds, 0.99):F2} ms"));
            figures.Add(($"{scenario.Name}: max", $"{milliseconds[^1]:F2} ms"));
            Console.WriteLine($"{scenario.Name}: p50 {Percentile(milliseconds, 0.50):F2} ms, p99 {Percentile(milliseconds, 0.99):F2} ms");
        }

        return figures;
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
