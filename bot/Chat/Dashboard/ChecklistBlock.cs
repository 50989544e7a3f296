namespace BepBot.Chat.Dashboard;

/// <summary>
/// A list ticked item by item and saved as it goes (attendance on the day): each tick posts
/// <paramref name="Verb"/> with <c>{ ...Context, item: id, done: true|false }</c>. Large touch targets, keyboard first.
/// </summary>
public sealed record ChecklistBlock(
    string Heading,
    string Verb,
    IReadOnlyDictionary<string, string> Context,
    IReadOnlyList<ChecklistItem> Items,
    string Summary) : DashboardBlock(Heading);
