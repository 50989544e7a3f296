namespace BepBot.Chat.Dashboard;

/// <param name="Id">Stable id of the item (a commune, a person, a delivery), for the buttons and for the tab's focus.</param>
/// <param name="Link">A page link (<c>page?key=value</c>) the row's first cell leads to, or null.</param>
/// <param name="Group">Rows with the same group are shown under a sub-heading (e.g. the bassin).</param>
public sealed record TableRow(
    string Id,
    IReadOnlyDictionary<string, DashboardCell> Cells,
    string? Link = null,
    IReadOnlyList<DashboardButton>? Buttons = null,
    string? Group = null);
