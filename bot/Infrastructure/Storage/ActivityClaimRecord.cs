namespace BepBot.Infrastructure.Storage;

/// <summary>
/// One activity's claim as both claim stores keep it: running on <paramref name="Instance"/> until
/// <paramref name="LeaseEndsAt"/>, or completed at <paramref name="CompletedAt"/>.
/// </summary>
/// <param name="Claim">Unique to the delivery that wrote it: how a write resent after a lost response is recognised as ours.</param>
/// <param name="Replay">The activity itself, for a click that may be answered before its work ends, until the work
/// completes: if its instance dies after answering, nobody resends it, and another instance runs it again from here.</param>
public sealed record ActivityClaimRecord(
    string Type,
    DateTimeOffset ReceivedAt,
    string? Claim,
    string? Instance = null,
    DateTimeOffset? LeaseEndsAt = null,
    DateTimeOffset? CompletedAt = null,
    string? Replay = null)
{
    /// <summary>Past what a table property holds (64 KB of UTF-16): such an activity is not kept, and answered in its turn.</summary>
    public const int MaxReplayLength = 30_000;

    // Claims written before leases existed carry neither time: their turn ran to its end.
    public bool IsCompleted => CompletedAt is not null || LeaseEndsAt is null;

    public bool IsRunningAt(DateTimeOffset now) => !IsCompleted && LeaseEndsAt > now;

    /// <summary>A kept activity received before <paramref name="receivedBefore"/> and still not completed: to run again.</summary>
    public bool IsAbandoned(DateTimeOffset receivedBefore, DateTimeOffset now) => Replay is not null && !IsCompleted && !IsRunningAt(now) && ReceivedAt < receivedBefore;
}
