namespace BepBot.Features.Observatoire;

/// <param name="ChangePercent">Null when the first value is zero (a percentage of nothing means nothing).</param>
public sealed record Trend(YearValue From, YearValue To, decimal Change, decimal? ChangePercent, TrendDirection Direction);
