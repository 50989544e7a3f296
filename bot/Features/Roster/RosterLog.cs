using BepBot.Infrastructure.Telemetry;

namespace BepBot.Features.Roster;

internal static partial class RosterLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Roster member {Member} removed by {Staff}")]
    public static partial void MemberRemoved(ILogger logger, [PseudonymousId] string member, [PseudonymousId] string staff);

    [LoggerMessage(Level = LogLevel.Information, Message = "Roster file {FileName} from {Staff} rejected with {Errors} bad row(s)")]
    public static partial void ImportRejected(ILogger logger, string fileName, int errors, [PseudonymousId] string staff);

    [LoggerMessage(Level = LogLevel.Information, Message = "Roster import {ImportId} previewed for {Staff}: {Added} added, {Changed} changed, {Removed} removed, {Unchanged} unchanged ({Outcome})")]
    public static partial void ImportPreviewed(ILogger logger, string importId, [PseudonymousId] string staff, int added, int changed, int removed, int unchanged, string outcome);

    [LoggerMessage(Level = LogLevel.Information, Message = "Roster import {ImportId} applied by {Staff}: {Added} added, {Changed} changed, {Removed} removed, {Unchanged} unchanged")]
    public static partial void ImportApplied(ILogger logger, string importId, [PseudonymousId] string staff, int added, int changed, int removed, int unchanged);

    [LoggerMessage(Level = LogLevel.Information, Message = "Roster import {ImportId} cancelled by {Staff}")]
    public static partial void ImportCancelled(ILogger logger, string importId, [PseudonymousId] string staff);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Roster import {ImportId}: {Action} by {Staff} refused ({Reason}), nothing changed")]
    public static partial void ImportClickRefused(ILogger logger, string importId, string action, [PseudonymousId] string staff, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Roster exported by {Staff} ({Members} entries)")]
    public static partial void Exported(ILogger logger, [PseudonymousId] string staff, int members);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Roster {Action} from the dashboard refused to {User} ({Reason}), nothing changed")]
    public static partial void TabRefused(ILogger logger, string action, [PseudonymousId] string user, string reason);
}
