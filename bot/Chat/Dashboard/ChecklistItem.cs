namespace BepBot.Chat.Dashboard;

/// <param name="Detail">A second line (the commune), which also tells two people with the same name apart.</param>
public sealed record ChecklistItem(string Id, string Label, string? Detail, bool Done);
