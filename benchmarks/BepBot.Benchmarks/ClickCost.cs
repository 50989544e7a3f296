using System.Globalization;

namespace BepBot.Benchmarks;

/// <summary>
/// What one click of a burst costs (store operations by kind, CPU on each side) and how close the burst came to the
/// best the store allows at that cost (the store's own rates, measured in the same run, divided by the click's
/// operations) and to the best the cores allow at that CPU cost: whichever is lower is the machine's limit.
/// </summary>
public static class ClickCost
{
    public static IReadOnlyList<(string Name, string Value)> Figures(
        string click, int clicks, TimeSpan firstClickToLastWork, IReadOnlyDictionary<string, int> operations, CpuMeter cpu, StoreRates ceiling, bool azurite)
    {
        var perClick = operations.ToDictionary(pair => pair.Key, pair => pair.Value / (double)clicks, StringComparer.Ordinal);
        var best = 1 / ceiling.SecondsFor(perClick);
        // The other ceiling: every core busy with nothing but clicks, the bot's and Azurite's CPU per click together.
        var cpuBest = Environment.ProcessorCount * 1000 / ((cpu.Bot + cpu.Azurite).TotalMilliseconds / clicks);
        var reached = clicks / firstClickToLastWork.TotalSeconds;
        var kinds = string.Join(", ", perClick.OrderByDescending(pair => pair.Value).Select(pair => $"{pair.Key} {pair.Value:F2}"));
        return
        [
            ("the store alone, 50 in parallel (same run): create-if-absent / replace-if-match / reads per s", $"{ceiling.Creates:F0} / {ceiling.Replaces:F0} / {ceiling.Reads:F0}"),
            ($"store operations per {click} (background work included)", $"{perClick.Values.Sum():F2} ({kinds})"),
            ($"CPU per {click}: bot process (test client included)", $"{cpu.Bot.TotalMilliseconds / clicks:F1} ms"),
            ($"CPU per {click}: Azurite", azurite ? $"{cpu.Azurite.TotalMilliseconds / clicks:F1} ms" : "none (local folder store)"),
            ("best clicks/s the store allows at that cost", best.ToString("F1", CultureInfo.InvariantCulture)),
            ("clicks/s reached (first click to the last work done)", reached.ToString("F1", CultureInfo.InvariantCulture)),
            ("ratio reached / best the store allows", (reached / best).ToString("F2", CultureInfo.InvariantCulture)),
            ($"best clicks/s {Environment.ProcessorCount} cores allow at that CPU cost (bot and Azurite)", cpuBest.ToString("F1", CultureInfo.InvariantCulture)),
            ("ratio reached / the lower of the two ceilings", (reached / Math.Min(best, cpuBest)).ToString("F2", CultureInfo.InvariantCulture)),
        ];
    }
}
