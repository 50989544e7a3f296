using BepBot.Infrastructure.Telemetry;

namespace BepBot.Features.Roster;

internal static partial class RosterLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Roster member {Member} removed by {Staff}")]
    public static partial void MemberRemoved(ILogger logger, [PseudonymousId] string member, [PseudonymousId] string staff);
}
