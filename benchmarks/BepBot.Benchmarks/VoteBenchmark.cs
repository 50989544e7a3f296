using System.Collections.Concurrent;
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
/// endpoint (card click invokes), on Azurite or the local folder store; then every one changes its vote, again all at
/// once; then the ballot is closed. Each click is answered with its card, or « Demande prise en compte » when its work
/// outlasts the wait, and then that card is replaced once. Prints latency per round, lost votes (acknowledged but not
/// counted), double votes, the audit chain, and what one vote costs against what the store allows.
/// </summary>
public static class VoteBenchmark
{
    private static readonly string[] Choices = ["pour", "contre", "abstention"];

    /// <param name="inFlight">How many clicks the simulated Teams service has in flight at once (all start together; the others wait their turn).</param>
    public static async Task<IReadOnlyList<(string Name, string Value)>> RunAsync(int communes, int inFlight, string storeKind)
    {
        var ceiling = await StoreBenchmark.MeasureAsync(storeKind, 1_000, 50, prefill: 0);
        await using var connector = await FakeTeamsConnector.StartAsync();
        await using var bot = new BotApplication(settings: new Dictionary<string, string?>
        {
            ["Logging:LogLevel:Default"] = "Warning",
            ["Votes:CloseSettle"] = "00:00:01",
            ["Storage:Provider"] = storeKind,
            ["Storage:LocalFolder"] = Path.Combine(Path.GetTempPath(), "bepbot-bench-" + Guid.NewGuid().ToString("N")),
            // The bot's own settings, not the tests': its wait before « Demande prise en compte », its roster cache.
            ["LateAnswers:After"] = null,
            ["Roster:CacheDuration"] = null,
        });
        using var teams = bot.CreateTeamsClient(connector.ServiceUrl);
        teams.Http.Timeout = Timeout.InfiniteTimeSpan;
        var names = Enumerable.Range(1, communes).Select(i => $"Commune {i:0000}").ToList();
        var users = names.Select((name, i) => new TeamsUser($"29:bench-{i}", "Bourgmestre de " + name, $"{i + 1:00000000}-be00-4000-8000-000000000000")).ToList();
        Console.WriteLine($"Seeding {communes} synthetic communes and their bourgmestres ({storeKind})…");
        var members = users.Select((user, i) => new Member(user.AadObjectId, user.Name, $"b{i}@commune.example", Role.Bourgmestre, names[i]))
            .Append(new Member(TeamsUser.Alex.AadObjectId, "Alex Wilber", "alex@bep.example", Role.BepStaff, null))
            .ToList();
        await bot.Services.GetRequiredService<RosterDirectory>().ReplaceAllAsync(members, isDemo: false, "benchmark");
        var ballot = await VoteSteps.OpenAsync(bot, VoteSteps.Motion("Benchmark : approuvez-vous la proposition ?") with { Communes = names });

        // A bot that has been serving for a while: a first burst on another ballot, outside the measure, lets .NET's
        // tiered compilation settle (a cold process spends a burst's first seconds compiling its own code).
        var warmUp = await VoteSteps.OpenAsync(bot, VoteSteps.Motion("Échauffement : approuvez-vous la proposition ?") with { Communes = names });
        Console.WriteLine("Warm-up: 300 communes vote on another ballot…");
        await RoundAsync(teams, connector, users[..301], names, warmUp.Id, 300, "warm-up", i => Choices[i % 3]);
        await VoteSteps.VoteAsync(teams, users[0], ballot.Id, names[0], "pour");
        using var storeCalls = new StoreCallCounter();
        var cpuBefore = CpuMeter.Now();
        var first = await RoundAsync(teams, connector, users, names, ballot.Id, inFlight, "vote", i => Choices[i % 3]);
        var second = await RoundAsync(teams, connector, users, names, ballot.Id, inFlight, "change", i => Choices[(i + 1) % 3]);
        var cpu = CpuMeter.Now() - cpuBefore;
        var operations = storeCalls.Counts;

        Console.WriteLine("Closing and counting…");
        await teams.InvokeAsync(TeamsUser.Alex, "votes.close", new JsonObject { ["ballotId"] = ballot.Id });
        var closed = await VoteSteps.GetAsync(bot, ballot.Id);
        var stored = await bot.Services.GetRequiredService<BallotStore>().ListVotesAsync(ballot.Id);
        var audit = await VoteSteps.SealedAuditAsync(bot, ballot.Id);
        var verification = await bot.Services.GetRequiredService<AuditLog>().VerifyAsync(ballot.Id);
        var storedChoice = stored.ToDictionary(vote => vote.Commune, vote => vote.ChoiceIds.SingleOrDefault(), StringComparer.Ordinal);
        // Every commune was told (at once or by its card replaced) that it changed its vote: that vote must be the one counted.
        var lost = Enumerable.Range(1, communes - 1).Count(i => !storedChoice.TryGetValue(names[i], out var choice) || choice != Choices[(i + 1) % 3])
            + (communes - closed.Result!.Participants);
        var doubles = stored.Count(vote => vote.Revision > 2)
            + Math.Max(0, closed.Result.Counts.Values.Sum() - communes)
            + audit.Where(entry => entry.Kind == "vote-cast").GroupBy(entry => entry.Commune).Count(group => group.Count() > 1);
        return
        [
            ("communes voting at once", (communes - 1).ToString(CultureInfo.InvariantCulture)),
            ("clicks in flight at a time", inFlight.ToString(CultureInfo.InvariantCulture)),
            ("before the measure", "a warm-up burst of 300 votes on another ballot (a bot that has been serving, its code compiled)"),
            ("store", storeKind == "LocalFolder"
                ? "local folder store; bot in-process, votes as Teams card invokes over HTTP"
                : "Azurite 3.35 (blob, table of activity claims), in memory; bot in-process, votes as Teams card invokes over HTTP"),
            .. first.Figures,
            .. second.Figures,
            ("counted at the close", closed.Result.Participants.ToString(CultureInfo.InvariantCulture)),
            ("lost votes", lost.ToString(CultureInfo.InvariantCulture)),
            ("double votes", doubles.ToString(CultureInfo.InvariantCulture)),
            ("audit entries / chain verified", $"{audit.Count} / {(verification.FirstBroken is null ? "intact" : "broken at " + verification.FirstBroken)}"),
            .. ClickCost.Figures("vote click", 2 * (communes - 1), first.AllDone + second.AllDone, operations, cpu, ceiling, storeKind != "LocalFolder"),
        ];
    }

    /// <summary>Every commune but the first clicks at once; returns the round's figures once every late card was replaced.</summary>
    private static async Task<Round> RoundAsync(
        TeamsClient teams, FakeTeamsConnector connector, List<TeamsUser> users, List<string> names, string ballotId, int inFlight, string round, Func<int, string> choiceOf)
    {
        var clicks = users.Count - 1;
        using var window = new SemaphoreSlim(inFlight);
        using var gate = new SemaphoreSlim(0);
        var latencies = new double[clicks];
        var unanswered = 0;
        var late = new ConcurrentBag<string>();
        Console.WriteLine($"{clicks} communes {(round == "change" ? "change their vote" : "vote")} at once…");
        var tasks = Enumerable.Range(1, clicks).Select(async i =>
        {
            await gate.WaitAsync();
            await window.WaitAsync();
            var watch = Stopwatch.StartNew();
            var card = $"{round}-card-{i}";
            BotResponse response;
            try
            {
                response = await teams.InvokeAsync(users[i], "votes.cast", VoteSteps.Cast(ballotId, names[i], choiceOf(i)), cardActivityId: card);
            }
            finally
            {
                window.Release();
            }

            latencies[i - 1] = watch.Elapsed.TotalMilliseconds;
            if (LateCards.IsPending(response))
            {
                late.Add(card);
            }
            else if (response.UpdatedCard is not { } updated || !CardReader.AllText(updated).Contains("Vous avez voté", StringComparison.Ordinal))
            {
                Interlocked.Increment(ref unanswered);
            }
        }).ToList();
        var wall = Stopwatch.StartNew();
        gate.Release(tasks.Count);
        await Task.WhenAll(tasks);
        var answered = wall.Elapsed;
        var (lastReplaced, neverReplaced, replacedTwice) = await LateCards.WaitAsync(connector, [.. late], wall, TimeSpan.FromMinutes(5));
        Array.Sort(latencies);
        var name = round == "vote" ? "first votes" : round == "change" ? "changed votes" : round;
        return new Round(
            late.IsEmpty ? answered : lastReplaced,
            [
                ($"{name}: all answered in", $"{answered.TotalSeconds:F2} s"),
                ($"{name}: answer latency p50", $"{Percentile(latencies, 0.50):F0} ms"),
                ($"{name}: answer latency p99", $"{Percentile(latencies, 0.99):F0} ms"),
                ($"{name}: answer latency max", $"{latencies[^1]:F0} ms"),
                ($"{name}: answered « Demande prise en compte », card replaced later", late.Count.ToString(CultureInfo.InvariantCulture)),
                ($"{name}: last such card replaced after", late.IsEmpty ? "none to replace" : $"{lastReplaced.TotalSeconds:F1} s"),
                ($"{name}: clicks answered with neither the vote nor « prise en compte »", unanswered.ToString(CultureInfo.InvariantCulture)),
                ($"{name}: late cards never replaced", neverReplaced.ToString(CultureInfo.InvariantCulture)),
                ($"{name}: late cards replaced twice", replacedTwice.ToString(CultureInfo.InvariantCulture)),
            ]);
    }

    private static double Percentile(double[] sorted, double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];

    private sealed record Round(TimeSpan AllDone, IReadOnlyList<(string Name, string Value)> Figures);
}
