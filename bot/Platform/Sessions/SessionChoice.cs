namespace BepBot.Platform.Sessions;

/// <summary>A conference session still to come, with its agenda items, that a ballot may be linked to.</summary>
public sealed record SessionChoice(string Id, string Title, DateTimeOffset? StartsAt, IReadOnlyList<AgendaChoice> AgendaItems);
