using BepBot.Infrastructure.Telemetry;

namespace BepBot.Features.Projects;

internal static partial class ProjectLog
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "Unknown project {ProjectId} from {User}")]
    public static partial void UnknownProject(ILogger logger, [PseudonymousId] string projectId, [PseudonymousId] string user);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Update of project {ProjectId} by {User} rejected: {Reason}")]
    public static partial void UpdateRejected(ILogger logger, string projectId, [PseudonymousId] string user, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Update of project {ProjectId} from version {CardVersion} by {User} refused: now at version {CurrentVersion}")]
    public static partial void UpdateStale(ILogger logger, string projectId, int cardVersion, int currentVersion, [PseudonymousId] string user);

    [LoggerMessage(Level = LogLevel.Information, Message = "Project {ProjectId} updated to version {Version} by {User}")]
    public static partial void Updated(ILogger logger, string projectId, int version, [PseudonymousId] string user);
}
