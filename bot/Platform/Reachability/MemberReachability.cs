using BepBot.Chat;

namespace BepBot.Platform.Reachability;

/// <param name="Since">When BepBot could first write to them (their personal conversation was saved).</param>
/// <param name="LastUsedAt">Their last message or card click, to the hour; null when none was recorded yet.</param>
/// <param name="GoneAt">When Teams refused a send as gone, with its <paramref name="GoneStatus"/> (403 or 404).</param>
public sealed record MemberReachability(
    Member Member,
    ReachabilityStatus Status,
    DateTimeOffset? Since = null,
    DateTimeOffset? LastUsedAt = null,
    DateTimeOffset? GoneAt = null,
    int? GoneStatus = null)
{
    public bool IsReachable => Status == ReachabilityStatus.Reachable;
}
