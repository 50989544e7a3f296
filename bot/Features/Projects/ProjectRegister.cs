namespace BepBot.Features.Projects;

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
