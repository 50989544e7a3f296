using BepBot.Chat;

namespace BepBot.Platform.Reachability;

/// <summary>Who BepBot could reach among <see cref="Members"/>, as read at <see cref="At"/>.</summary>
public sealed record ReachabilityReading(IReadOnlyList<Member> Members, IReadOnlyList<MemberReachability> People, DateTimeOffset At);
