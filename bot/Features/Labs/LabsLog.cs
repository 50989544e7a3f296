using BepBot.Infrastructure.Telemetry;

namespace BepBot.Features.Labs;

internal static partial class LabsLog
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "Lab action {Action} on {LabId} refused to {User}: {Reason}")]
    public static partial void Refused(ILogger logger, string action, [PseudonymousId] string? labId, [PseudonymousId] string user, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Lab {LabId}: {User} registered as {Status}")]
    public static partial void Registered(ILogger logger, string labId, [PseudonymousId] string user, SeatStatus status);

    [LoggerMessage(Level = LogLevel.Information, Message = "Lab {LabId}: registration of {User} cancelled by {Actor}")]
    public static partial void Cancelled(ILogger logger, string labId, [PseudonymousId] string user, [PseudonymousId] string actor);

    [LoggerMessage(Level = LogLevel.Information, Message = "Lab {LabId}: {Action} by {Staff}")]
    public static partial void StaffAction(ILogger logger, string labId, string action, [PseudonymousId] string staff);
}
