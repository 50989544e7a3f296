namespace BepBot.Features.Projects;

/// <summary>
/// One supracommunal project or purchasing central of the register. <see cref="IsDemo"/> marks figures that were
/// invented for local play (status, progress, milestones, contacts, member communes): cards say so.
/// <see cref="Version"/> grows by one at each change; staff edits carry it so a stale card cannot overwrite.
/// </summary>
public sealed record Project(
    string Id,
    string Name,
    ProjectKind Kind,
    string Programme,
    IReadOnlyList<string> Bassins,
    IReadOnlyList<string> Communes,
    ProjectStatus Status,
    string Phase,
    int Progress,
    string? NextMilestone,
    DateOnly? NextMilestoneDate,
    ProjectContact? Contact,
    IReadOnlyList<string> Aliases,
    string Summary,
    string? Note,
    bool IsDemo,
    string Source,
    DateTimeOffset UpdatedAt,
    string UpdatedBy,
    int Version = 1,
    string? SharePointItemId = null);
