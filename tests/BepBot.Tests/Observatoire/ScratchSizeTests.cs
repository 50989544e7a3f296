using BepBot.Features.Observatoire;
using Xunit.Abstractions;

namespace BepBot.Tests.Observatoire;

public sealed class ScratchSizeTests(ITestOutputHelper output)
{
    [Fact]
    public void Sizes()
    {
        var data = new ObservatoireData([new DataSetVersion("d", 1, "d", DateTimeOffset.UtcNow, "x", "x", true, DemoData.Observations)]);
        var ind = data.FindIndicator("Population")!;
        var series = data.Series("Gembloux", ind.Key);
        var trend = ObservatoireCharts.Trend("Population de Gembloux", series, "Gembloux", series.Select(p => p with { Value = p.Value * 0.8m }).ToList(), "Médiane du bassin", BepBot.Infrastructure.Time.BelgianTime.French);
        var values = BepBot.Features.Territory.Territory.NamurCapitale.Communes.Select(c => (c, data.Value(c, ind.Key, 2024)!.Value)).ToList();
        var comp = ObservatoireCharts.Comparison("Population en 2024", values, "Gembloux", 12000m, BepBot.Infrastructure.Time.BelgianTime.French);
        File.WriteAllBytes("/tmp/obs-trend.png", trend);
        File.WriteAllBytes("/tmp/obs-comp.png", comp);
        output.WriteLine($"trend {trend.Length} comp {comp.Length}");
    }
}
