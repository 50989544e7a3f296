namespace BepBot.Chat.Dashboard;

/// <summary>
/// A table the reader can sort by column. Rows may link to a detail page and carry buttons; <paramref name="EmptyText"/>
/// is shown instead of an empty table. <paramref name="Download"/> offers the same data as a file (the feature's export).
/// </summary>
public sealed record TableBlock(
    string Heading,
    IReadOnlyList<TableColumn> Columns,
    IReadOnlyList<TableRow> Rows,
    string EmptyText,
    DashboardButton? Download = null) : DashboardBlock(Heading);
