using BepBot.Platform.Territory;

namespace BepBot.Features.Observatoire;

/// <summary>Medians, ranks and trends, computed from the loaded figures only: a missing value is never taken as zero.</summary>
public static class ObservatoireStatistics
{
    /// <summary>Below this relative change (in %) a trend reads as stable.</summary>
    public const decimal StableThresholdPercent = 0.5m;

    public static IndicatorSummary Summarize(ObservatoireData data, string commune, Indicator indicator)
    {
        var series = data.Series(commune, indicator.Key);
        if (series.Count == 0)
        {
            return new IndicatorSummary(indicator, commune, null, null, null, series);
        }

        var latest = series[^1];
        return new IndicatorSummary(indicator, commune, latest, TrendOf(series), Compare(data, commune, indicator.Key, latest.Year), series);
    }

    public static Trend? TrendOf(IReadOnlyList<YearValue> series)
    {
        if (series.Count < 2)
        {
            return null;
        }

        var (from, to) = (series[0], series[^1]);
        var change = to.Value - from.Value;
        decimal? percent = from.Value == 0 ? null : change / Math.Abs(from.Value) * 100m;
        var direction = percent is { } p
            ? Math.Abs(p) < StableThresholdPercent ? TrendDirection.Stable : p > 0 ? TrendDirection.Up : TrendDirection.Down
            : change == 0 ? TrendDirection.Stable : change > 0 ? TrendDirection.Up : TrendDirection.Down;
        return new Trend(from, to, change, percent, direction);
    }

    public static Comparison? Compare(ObservatoireData data, string commune, string indicatorKey, int year)
    {
        var own = data.Value(commune, indicatorKey, year);
        var place = TerritoryMap.FindCommune(commune);
        if (own is null || place is null)
        {
            return null;
        }

        var bassin = place.Bassin.Communes.Select(name => data.Value(name, indicatorKey, year)).OfType<decimal>().ToList();
        var territory = TerritoryMap.Communes.Select(other => data.Value(other.Name, indicatorKey, year)).OfType<decimal>().ToList();
        return new Comparison(
            year,
            Median(bassin),
            bassin.Count,
            place.Bassin.Communes.Count,
            Median(territory),
            territory.Count,
            TerritoryMap.Communes.Count,
            Rank(own.Value, bassin));
    }

    public static decimal? Median(IReadOnlyCollection<decimal> values)
    {
        if (values.Count == 0)
        {
            return null;
        }

        var sorted = values.Order().ToList();
        var middle = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2m;
    }

    /// <summary>Competition ranking, highest first: 1 + the number of values strictly above.</summary>
    public static int Rank(decimal value, IEnumerable<decimal> values) => 1 + values.Count(other => other > value);
}
