namespace BepBot.Chat.Dashboard;

/// <param name="Values">One per category, in order; null where there is no figure. <paramref name="Texts"/> are the same values as read (« 12,5 % »).</param>
public sealed record ChartSeries(string Name, IReadOnlyList<double?> Values, IReadOnlyList<string> Texts);
