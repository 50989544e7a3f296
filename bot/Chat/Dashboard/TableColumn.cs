namespace BepBot.Chat.Dashboard;

/// <param name="Key">The key of the row's cell for this column.</param>
/// <param name="Numeric">Right-aligned, sorted as a number (by the cell's <see cref="DashboardCell.Value"/>).</param>
public sealed record TableColumn(string Key, string Label, bool Numeric = false);
