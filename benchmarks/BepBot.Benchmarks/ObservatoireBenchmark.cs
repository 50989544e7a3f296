using System.Diagnostics;
using System.Globalization;
using BepBot.Features.Observatoire;
using BepBot.Infrastructure.Time;
using BepBot.Platform.Territory;
using BepBot.Tests.Harness;
using Microsoft.Extensions.DependencyInjection;

namespace BepBot.Benchmarks;

/// <summary>
/// The diagnostic card with its two charts (statistics, two ScottPlot PNGs, two ExportStore writes, card render) for
/// each of the 40 communes, on the demonstration figures in Azurite; then the same 40 asked through the bot as Teams would.
/// </summary>
public static class ObservatoireBenchmark
{
    public static async Task<IReadOnlyList<(string Name, string Value)>> RunAsync()
    {
        await using var bot = new BotApplication(settings: new Dictionary<string, string?>
        {
            ["Logging:LogLevel:Default"] = "Warning",
            ["Observatoire:SeedDemo"] = "true",
        });
        var dataSets = bot.Services.GetRequiredService<DataSetStore>();
        var cards = bot.Services.GetRequiredService<ObservatoireCards>();
        var data = await dataSets.LoadAsync(CancellationToken.None);
        var communes = BepBot.Platform.Territory.TerritoryMap.Communes;

        // Warm-up: JIT, fonts, the first Skia surface.
        cards.Diagnostic(data, communes[0], null, BelgianTime.French);

        var perCard = new List<double>();
        var cardBytes = new List<int>();
        var total = Stopwatch.StartNew();
        foreach (var commune in communes)
        {
            var one = Stopwatch.StartNew();
            var card = cards.Diagnostic(data, commune, null, BelgianTime.French);
            perCard.Add(one.Elapsed.TotalMilliseconds);
            cardBytes.Add(System.Text.Encoding.UTF8.GetByteCount(card.ToJsonString()));
        }

        total.Stop();

        var population = data.FindIndicator("population")!;
        var chartsOnly = Stopwatch.StartNew();
        var trendSizes = new List<int>();
        var barSizes = new List<int>();
        foreach (var commune in communes)
        {
            var series = data.Series(commune.Name, population.Key);
            trendSizes.Add(ObservatoireCharts.Trend("Population — " + commune.Name, series, commune.Name, series, "Médiane du bassin", BelgianTime.French).Length);
            var values = commune.Bassin.Communes.Select(name => (name, data.Value(name, population.Key, 2024)!.Value)).ToList();
            barSizes.Add(ObservatoireCharts.Comparison("Population en 2024", values, commune.Name, commune.Name + " ◀", 10_000m, "Médiane du bassin", BelgianTime.French).Length);
        }

        chartsOnly.Stop();

        using var client = bot.CreateTeamsClient();
        await client.SayAsync(TeamsUser.Megan, "diagnostic de Namur");
        var viaBot = Stopwatch.StartNew();
        foreach (var commune in communes)
        {
            var response = await client.SayAsync(TeamsUser.Megan, "diagnostic de " + commune.Name);
            if (!response.Cards.Any())
            {
                throw new InvalidOperationException($"No card for {commune.Name}: {response.RawBody}");
            }
        }

        viaBot.Stop();

        perCard.Sort();
        string Ms(double value) => value.ToString("0.0", CultureInfo.InvariantCulture) + " ms";
        string Kb(double value) => (value / 1024).ToString("0.0", CultureInfo.InvariantCulture) + " KB";
        var inline = (trendSizes.Average() + barSizes.Average()) * 4 / 3 + cardBytes.Average();
        return
        [
            ("communes", communes.Count.ToString(CultureInfo.InvariantCulture)),
            ("data", $"demonstration set: {data.Indicators.Count} indicators × {DemoData.LastYear - DemoData.FirstYear + 1} years, store in Azurite"),
            ("40 diagnostic cards with 2 Teams charts each (built in-process)", Ms(total.Elapsed.TotalMilliseconds)),
            ("per card: median", Ms(perCard[perCard.Count / 2])),
            ("per card: 95th percentile", Ms(perCard[(int)Math.Ceiling(perCard.Count * 0.95) - 1])),
            ("per card: slowest", Ms(perCard[^1])),
            ("80 charts rendered alone (ScottPlot PNG, 360 px wide)", Ms(chartsOnly.Elapsed.TotalMilliseconds)),
            ("trend chart PNG, mean size", Kb(trendSizes.Average())),
            ("bassin bar chart PNG, mean size", Kb(barSizes.Average())),
            ("card JSON with its Teams charts and fallbacks, mean size", Kb(cardBytes.Average())),
            ("same card if the 2 PNGs were inlined as data URIs (estimate)", Kb(inline)),
            ("40 × \"diagnostic de <commune>\" through the bot (expectReplies)", Ms(viaBot.Elapsed.TotalMilliseconds)),
            ("per message through the bot, mean", Ms(viaBot.Elapsed.TotalMilliseconds / communes.Count)),
        ];
    }
}
