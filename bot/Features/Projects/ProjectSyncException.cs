namespace BepBot.Features.Projects;

/// <summary>Graph could not be read, or the register changed under the sync too often: nothing was written.</summary>
public sealed class ProjectSyncException(string reason, Exception? inner = null) : Exception(reason, inner)
{
    public string Reason { get; } = reason;
}
