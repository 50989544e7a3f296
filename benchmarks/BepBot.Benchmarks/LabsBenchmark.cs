using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using BepBot.Features.Labs;
using BepBot.Platform.Territory;
using BepBot.Tests.Harness;
using BepBot.Tests.Labs;
using Microsoft.Extensions.DependencyInjection;

namespace BepBot.Benchmarks;

/// <summary>
/// N officers click "S'inscrire" on the same lab at the same second (one Action.Execute invoke each, through the whole
/// bot on Azurite), for S seats. Prints how the ledger ends: confirmed, waiting, overbooked, lost, order, latency.
/// </summary>
public static class LabsBenchmark
{
    public static async Task<IReadOnlyList<(string Name, string Value)>> RunAsync(int officers, int seats)
    {
        await using var bot = new BotApplication(settings: new Dictionary<string, string?>
        {
            ["Logging:LogLevel:Default"] = "Warning",
        });
        var communes = BepBot.Platform.Territory.TerritoryMap.Communes.Select(commune => commune.Name).ToArray();
        var members = await LabFixtures.SeedOfficersAsync(bot.Store, officers, communes);
        var lab = await LabFixtures.CreateAsync(bot, LabFixtures.NewLab(capacity: seats));
        using var teams = bot.CreateTeamsClient();
        // 500 turns at once on 2 shared cores and one Azurite process take longer than HttpClient's default 100 s.
        teams.Http.Timeout = TimeSpan.FromMinutes(15);
        await teams.SayAsync(LabFixtures.Officer(members[0]), "séminaires");

        Console.WriteLine($"{officers} officers click at once for {seats} seats…");
        var latencies = new ConcurrentBag<double>();
        var failures = new ConcurrentBag<string>();
        using var gate = new SemaphoreSlim(0);
        var clicks = members.Select(async member =>
        {
            await gate.WaitAsync();
            var watch = Stopwatch.StartNew();
            var response = await teams.InvokeAsync(LabFixtures.Officer(member), "labs.register", new System.Text.Json.Nodes.JsonObject { ["labId"] = lab.Id });
            watch.Stop();
            latencies.Add(watch.Elapsed.TotalMilliseconds);
            if (response.Status != HttpStatusCode.OK || response.UpdatedCard is null)
            {
                failures.Add(response.AllText);
            }
        }).ToList();
        var total = Stopwatch.StartNew();
        gate.Release(officers);
        await Task.WhenAll(clicks);
        total.Stop();

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
            ("store", "Azurite 3.35 blob, in memory; the bot in-process (TestServer), every click a full adaptiveCard/action invoke"),
            ("confirmed", confirmed.Count.ToString(CultureInfo.InvariantCulture)),
            ("waitlisted", waiting.Count.ToString(CultureInfo.InvariantCulture)),
            ("overbooked", Math.Max(0, confirmed.Count - seats).ToString(CultureInfo.InvariantCulture)),
            ("lost", lost.ToString(CultureInfo.InvariantCulture)),
            ("clicks without a card back", failures.Count.ToString(CultureInfo.InvariantCulture)),
            // Under heavy load the Azure SDK may retry the duplicate-delivery marker write that had in fact succeeded; the
            // middleware then takes the click for a Teams redelivery and answers this, and the click never reaches the labs.
            ("of which answered as a duplicate delivery", failures.Count(text => text.Contains("déjà été prise en compte", StringComparison.Ordinal)).ToString(CultureInfo.InvariantCulture)),
            ("seats not going to the first arrivals", outOfOrder.ToString(CultureInfo.InvariantCulture)),
            ("waiting positions", waiting.Count == 0 ? "none" : $"1 to {waiting.Count}, in arrival order"),
            ("latency p50", $"{Percentile(0.50):F0} ms"),
            ("latency p99", $"{Percentile(0.99):F0} ms"),
            ("latency max", $"{sorted[^1]:F0} ms"),
            ("all clicks answered in", $"{total.Elapsed.TotalSeconds:F1} s"),
        ];
    }
}
