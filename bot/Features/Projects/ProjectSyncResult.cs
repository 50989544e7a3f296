namespace BepBot.Features.Projects;

public sealed record ProjectSyncResult(bool Incremental, int Added, int Updated, int Removed, int Skipped, int Total);
