namespace BepBot.Features.Projects;

public enum ProjectKind
{
    Project,
    Central,
}

public enum ProjectStatus
{
    Study,
    InProgress,
    Operational,
    Completed,
    Suspended,
}

public sealed record ProjectContact(string Name, string Email);

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

/// <summary>The whole register is one document, so a sync swaps it entirely or not at all (one ETag-guarded write).</summary>
/// <param name="DeltaLink">Graph's delta link of the SharePoint list after the last sync (incremental next time).</param>
public sealed record ProjectRegister(
    IReadOnlyList<Project> Projects,
    DateTimeOffset UpdatedAt,
    string UpdatedBy,
    string? DeltaLink = null,
    DateTimeOffset? SyncedAt = null)
{
    public Project? Find(string? id) => id is null ? null : Projects.FirstOrDefault(project => project.Id == id);
}

/// <summary>A previous state of a project, kept as its own document when staff or a sync replace it.</summary>
public sealed record ProjectHistoryEntry(Project Previous, DateTimeOffset ReplacedAt, string ReplacedBy);
