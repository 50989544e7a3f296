namespace BepBot.Chat.Dashboard;

/// <summary>
/// A chart over <paramref name="Categories"/> (communes, years). The tab draws it and always shows the same figures as
/// a table beside it (the alternative for screen readers and keyboard users), so the series carry the exact values.
/// </summary>
public sealed record ChartBlock(
    string Heading,
    ChartKind Chart,
    IReadOnlyList<string> Categories,
    IReadOnlyList<ChartSeries> Series,
    string ValueLabel,
    string? Description = null) : DashboardBlock(Heading);
