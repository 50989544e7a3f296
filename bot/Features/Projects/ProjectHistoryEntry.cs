namespace BepBot.Features.Projects;

/// <summary>A previous state of a project, kept as its own document when staff or a sync replace it.</summary>
public sealed record ProjectHistoryEntry(Project Previous, DateTimeOffset ReplacedAt, string ReplacedBy);
