namespace BepBot.Features.Observatoire;

/// <summary>One line of a diagnostic: the latest figure, its trend and its comparison, or nothing when the commune has no value.</summary>
public sealed record IndicatorSummary(Indicator Indicator, string Commune, YearValue? Latest, Trend? Trend, Comparison? Comparison, IReadOnlyList<YearValue> Series)
{
    public bool HasValue => Latest is not null;
}
