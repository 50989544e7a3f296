namespace BepBot.Chat.Dashboard;

/// <summary>
/// A cell as read (<paramref name="Text"/>), with the number behind it for sorting and, when <paramref name="Ratio"/>
/// is set (0 to 1), a bar (participation, fill rate) that the text states in words too.
/// </summary>
public sealed record DashboardCell(string Text, double? Value = null, double? Ratio = null, CellTone Tone = CellTone.Neutral)
{
    public static implicit operator DashboardCell(string text) => new(text);
}
