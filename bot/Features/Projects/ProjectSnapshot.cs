namespace BepBot.Features.Projects;

/// <summary>A register version with its search index.</summary>
public sealed record ProjectSnapshot(ProjectRegister Register, ProjectIndex Index, string? ETag);
