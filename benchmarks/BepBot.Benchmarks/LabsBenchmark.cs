using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using BepBot.Features.Labs;
using BepBot.Tests.Harness;
using BepBot.Tests.Labs;
using Microsoft.Extensions.DependencyInjection;

namespace BepBot.Benchmarks;

/// <summary>
/// N officers click "S'inscrire" on the same lab at the same second (one Action.Execute invoke each, through the whole
/// bot, on Azurite or the local folder store), for S seats. Each click is answered with its card, or « Demande prise en
/// compte » when its work outlasts the wait, and then that card is replaced once. Prints the answers' latency, how the
/// ledger ends (confirmed, waiting, overbooked, lost, order) and what one click costs against what the store allows.
/// </summary>
public static class LabsBenchmark
{
    public static async Task<IReadOnlyList<(string Name, string Value)>> RunAsync(int officers, int seats, string storeKind)
    {
        var ceiling = await StoreBenchmark.MeasureAsync(storeKind, 1_000, 50, prefill: 0);
        await using var connector = await FakeTeamsConnector.StartAsync();
        await using var bot = new BotApplication(settings: new Dictionary<string, string?>
        {
            ["Logging:LogLevel:Default"] = "Warning",
            ["Storage:Provider"] = storeKind,
            ["Storage:LocalFolder"] = Path.Combine(Path.GetTempPath(), "bepbot-bench-" + Guid.NewGuid().ToString("N")),
            // The bot's own settings, not the tests': its wait before « Demande prise en compte », its roster cache.
            ["LateAnswers:After"] = null,
            ["Roster:CacheDuration"] = null,
        });
        var communes = BepBot.Platform.Territory.TerritoryMap.Communes.Select(commune => commune.Name).ToArray();
        var members = await LabFixtures.SeedOfficersAsync(bot.Store, officers, communes);
        // Written into the store behind the bot's back: saved again through the directory, whose cache then knows them.
        var directory = bot.Services.GetRequiredService<BepBot.Features.Roster.RosterDirectory>();
        await directory.ReplaceAllAsync((await directory.GetLatestAsync()).Members, isDemo: false, "benchmark");
        var lab = await LabFixtures.CreateAsync(bot, LabFixtures.NewLab(capacity: seats));
        using var teams = bot.CreateTeamsClient(connector.ServiceUrl);
        teams.Http.Timeout = TimeSpan.FromMinutes(15);
        await teams.SayAsync(LabFixtures.Officer(members[0]), "séminaires");

        // A bot that has been serving for a while: a first burst on another seminar, outside the measure, lets .NET's
        // tiered compilation settle (a cold process spends a burst's first seconds compiling its own code).
        Console.WriteLine("Warm-up: 100 officers register for another seminar…");
        var warmUp = await LabFixtures.CreateAsync(bot, LabFixtures.NewLab(capacity: 10));
        var warmUpAnswers = await Task.WhenAll(members.Take(100).Select((member, index) =>
            teams.InvokeAsync(LabFixtures.Officer(member), "labs.register", new System.Text.Json.Nodes.JsonObject { ["labId"] = warmUp.Id }, cardActivityId: $"warm-up-card-{index}")));
        await LateCards.WaitAsync(connector, [.. warmUpAnswers.Select((answer, index) => (answer, index)).Where(pair => LateCards.IsPending(pair.answer)).Select(pair => $"warm-up-card-{pair.index}")], Stopwatch.StartNew(), TimeSpan.FromMinutes(2));

        Console.WriteLine($"{officers} officers click at once for {seats} seats ({storeKind})…");
        var latencies = new ConcurrentBag<double>();
        var failures = new ConcurrentBag<string>();
        var late = new ConcurrentBag<string>();
        using var gate = new SemaphoreSlim(0);
        using var storeCalls = new StoreCallCounter();
        var clicks = members.Select(async (member, index) =>
        {
            await gate.WaitAsync();
            var watch = Stopwatch.StartNew();
            var card = $"lab-card-{index}";
            var response = await teams.InvokeAsync(LabFixtures.Officer(member), "labs.register", new System.Text.Json.Nodes.JsonObject { ["labId"] = lab.Id }, cardActivityId: card);
            latencies.Add(watch.Elapsed.TotalMilliseconds);
            if (response.Status != HttpStatusCode.OK || response.UpdatedCard is null)
            {
                failures.Add(response.AllText);
            }
            else if (LateCards.IsPending(response))
            {
                late.Add(card);
            }
        }).ToList();
        var cpuBefore = CpuMeter.Now();
        var total = Stopwatch.StartNew();
        gate.Release(officers);
        await Task.WhenAll(clicks);
        var allAnswered = total.Elapsed;
        var (lastReplaced, neverReplaced, replacedTwice) = await LateCards.WaitAsync(connector, [.. late], total, TimeSpan.FromMinutes(5));
        var cpu = CpuMeter.Now() - cpuBefore;

        var ledger = (await bot.Services.GetRequiredService<LabBook>().FindAsync(lab.Id))!;
        var confirmed = ledger.Confirmed.ToList();
        var waiting = ledger.Waiting.ToList();
        var inLedger = ledger.Registrations.Where(registration => registration.IsActive).Select(registration => registration.AadObjectId).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var lost = members.Count(member => !inLedger.Contains(member.AadObjectId));
        var firstInOrder = ledger.Registrations.Where(registration => registration.IsActive).OrderBy(registration => registration.Ordinal).Take(seats).Select(registration => registration.Ordinal).ToHashSet();
        var outOfOrder = confirmed.Count(registration => !firstInOrder.Contains(registration.Ordinal));
        var sorted = latencies.Order().ToList();
        double Percentile(double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
        return
        [
            ("officers clicking at once", officers.ToString(CultureInfo.InvariantCulture)),
            ("seats", seats.ToString(CultureInfo.InvariantCulture)),
            ("before the measure", "a warm-up burst of 100 registrations for another seminar (a bot that has been serving, its code compiled)"),
            ("store", storeKind == "LocalFolder"
                ? "local folder store; the bot in-process (TestServer), every click a full adaptiveCard/action invoke"
                : "Azurite 3.35 blob, in memory; the bot in-process (TestServer), every click a full adaptiveCard/action invoke"),
            ("confirmed", confirmed.Count.ToString(CultureInfo.InvariantCulture)),
            ("waitlisted", waiting.Count.ToString(CultureInfo.InvariantCulture)),
            ("overbooked", Math.Max(0, confirmed.Count - seats).ToString(CultureInfo.InvariantCulture)),
            ("lost", lost.ToString(CultureInfo.InvariantCulture)),
            ("clicks without a card back", failures.Count.ToString(CultureInfo.InvariantCulture)),
            ("of which answered as a duplicate delivery", failures.Count(text => text.Contains("déjà été prise en compte", StringComparison.Ordinal)).ToString(CultureInfo.InvariantCulture)),
            ("seats not going to the first arrivals", outOfOrder.ToString(CultureInfo.InvariantCulture)),
            ("waiting positions", waiting.Count == 0 ? "none" : $"1 to {waiting.Count}, in arrival order"),
            ("answer latency p50", $"{Percentile(0.50):F0} ms"),
            ("answer latency p99", $"{Percentile(0.99):F0} ms"),
            ("answer latency max", $"{sorted[^1]:F0} ms"),
            ("all clicks answered in", $"{allAnswered.TotalSeconds:F1} s"),
            ("answered « Demande prise en compte », card replaced later", late.Count.ToString(CultureInfo.InvariantCulture)),
            ("last such card replaced after", late.IsEmpty ? "none to replace" : $"{lastReplaced.TotalSeconds:F1} s"),
            ("late cards never replaced", neverReplaced.ToString(CultureInfo.InvariantCulture)),
            ("late cards replaced twice", replacedTwice.ToString(CultureInfo.InvariantCulture)),
            .. ClickCost.Figures("registration click", officers, late.IsEmpty ? allAnswered : lastReplaced, storeCalls.Counts, cpu, ceiling, storeKind != "LocalFolder"),
        ];
    }
}
