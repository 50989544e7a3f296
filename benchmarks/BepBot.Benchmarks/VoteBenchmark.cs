using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using BepBot.Chat;
using BepBot.Features.Roster;
using BepBot.Features.Votes;
using BepBot.Tests.Harness;
using BepBot.Tests.Votes;
using Microsoft.Extensions.DependencyInjection;

namespace BepBot.Benchmarks;

/// <summary>
/// N synthetic communes (one bourgmestre each) vote at the same moment on one ballot, through the bot's HTTP
/// endpoint (card click invokes), on Azurite. Then each clicks again (same choice), and the ballot is closed.
/// Prints votes/s, latency per vote, lost votes (acknowledged but not counted) and double votes (counted twice).
/// </summary>
public static class VoteBenchmark
{
    /// <param name="inFlight">How many clicks the simulated Teams service has in flight at once (all start together; the others wait their turn).</param>
    public static async Task<IReadOnlyList<(string Name, string Value)>> RunAsync(int communes, int inFlight)
    {
        await using var bot = new BotApplication(settings: new Dictionary<string, string?>
        {
            ["Logging:LogLevel:Default"] = "Warning",
            ["Votes:CloseSettle"] = "00:00:01",
        });
        using var teams = bot.CreateTeamsClient();
        teams.Http.Timeout = Timeout.InfiniteTimeSpan;
        using var window = new SemaphoreSlim(inFlight);
        var names = Enumerable.Range(1, communes).Select(i => $"Commune {i:0000}").ToList();
        var users = names.Select((name, i) => new TeamsUser($"29:bench-{i}", "Bourgmestre de " + name, $"{i + 1:00000000}-be00-4000-8000-000000000000")).ToList();
        Console.WriteLine($"Seeding {communes} synthetic communes and their bourgmestres…");
        var members = users.Select((user, i) => new Member(user.AadObjectId, user.Name, $"b{i}@commune.example", Role.Bourgmestre, names[i]))
            .Append(new Member(TeamsUser.Alex.AadObjectId, "Alex Wilber", "alex@bep.example", Role.BepStaff, null))
            .ToList();
        await bot.Services.GetRequiredService<RosterDirectory>().ReplaceAllAsync(members, isDemo: false, "benchmark");
        var ballot = await VoteSteps.OpenAsync(bot, VoteSteps.Motion("Benchmark : approuvez-vous la proposition ?") with { Communes = names });

        // Warm the HTTP pipeline and the store's connections with one vote outside the measure.
        await VoteSteps.VoteAsync(teams, users[0], ballot.Id, names[0], "pour");
        string[] choices = ["pour", "contre", "abstention"];
        var latencies = new double[communes - 1];
        var acknowledged = new bool[communes - 1];
        using var gate = new SemaphoreSlim(0);
        Console.WriteLine($"{communes - 1} communes vote at once…");
        var tasks = Enumerable.Range(1, communes - 1).Select(async i =>
        {
            await gate.WaitAsync();
            await window.WaitAsync();
            var watch = Stopwatch.StartNew();
            BotResponse response;
            try
            {
                response = await VoteSteps.VoteAsync(teams, users[i], ballot.Id, names[i], choices[i % 3]);
            }
            finally
            {
                window.Release();
            }

            latencies[i - 1] = watch.Elapsed.TotalMilliseconds;
            acknowledged[i - 1] = response.UpdatedCard is { } card && CardReader.AllText(card).Contains("Vous avez voté", StringComparison.Ordinal);
        }).ToList();
        var wall = Stopwatch.StartNew();
        gate.Release(tasks.Count);
        await Task.WhenAll(tasks);
        wall.Stop();

        Console.WriteLine("Every commune clicks again (same choice)…");
        await Task.WhenAll(Enumerable.Range(0, communes).Select(async i =>
        {
            await window.WaitAsync();
            try
            {
                await VoteSteps.VoteAsync(teams, users[i], ballot.Id, names[i], i == 0 ? "pour" : choices[i % 3]);
            }
            finally
            {
                window.Release();
            }
        }));

        Console.WriteLine("Closing and counting…");
        await teams.InvokeAsync(TeamsUser.Alex, "votes.close", new JsonObject { ["ballotId"] = ballot.Id });
        var closed = await VoteSteps.GetAsync(bot, ballot.Id);
        var stored = await bot.Services.GetRequiredService<BallotStore>().ListVotesAsync(ballot.Id);
        var audit = await VoteSteps.SealedAuditAsync(bot, ballot.Id);
        var verification = await bot.Services.GetRequiredService<AuditLog>().VerifyAsync(ballot.Id);
        var storedCommunes = stored.Select(vote => vote.Commune).ToHashSet(StringComparer.Ordinal);
        var lost = Enumerable.Range(1, communes - 1).Count(i => acknowledged[i - 1] && !storedCommunes.Contains(names[i]))
            + (communes - closed.Result!.Participants);
        var doubles = stored.Count(vote => vote.Revision > 1)
            + Math.Max(0, closed.Result.Counts.Values.Sum() - communes)
            + audit.Where(entry => entry.Kind is "vote-cast" or "vote-changed").GroupBy(entry => entry.Commune).Count(group => group.Count() > 1);
        Array.Sort(latencies);
        return
        [
            ("communes voting at once", (communes - 1).ToString(CultureInfo.InvariantCulture)),
            ("clicks in flight at a time", inFlight.ToString(CultureInfo.InvariantCulture)),
            ("store", "Azurite 3.35 (blob), in memory; bot in-process, votes as Teams card invokes over HTTP"),
            ("wall time (first click to last answer)", $"{wall.Elapsed.TotalSeconds:F2} s"),
            ("votes/s", ((communes - 1) / wall.Elapsed.TotalSeconds).ToString("F1", CultureInfo.InvariantCulture)),
            ("latency per vote p50 (click to answer)", $"{Percentile(latencies, 0.50):F0} ms"),
            ("latency per vote p99", $"{Percentile(latencies, 0.99):F0} ms"),
            ("latency per vote max", $"{latencies[^1]:F0} ms"),
            ("acknowledged votes", acknowledged.Count(ok => ok).ToString(CultureInfo.InvariantCulture)),
            ("counted at the close", closed.Result.Participants.ToString(CultureInfo.InvariantCulture)),
            ("lost votes", lost.ToString(CultureInfo.InvariantCulture)),
            ("double votes", doubles.ToString(CultureInfo.InvariantCulture)),
            ("audit entries / chain verified", $"{audit.Count} / {(verification.FirstBroken is null ? "intact" : "broken at " + verification.FirstBroken)}"),
        ];
    }

    private static double Percentile(double[] sorted, double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
}
