namespace BepBot.Infrastructure.Storage;

/// <summary>
/// Which incoming activities were already taken by an instance of the bot, and how far their turn went: one claim per
/// activity, taken with create-if-absent so that it holds across instances. A claim is running under a lease until its
/// turn completes; a turn that failed releases it, and one whose lease ran out (its process died) may be taken over,
/// so that Teams' resend of an unanswered activity runs instead of being swallowed. Claims are kept for a retention
/// period, then purged.
/// </summary>
public interface IActivityClaims
{
    /// <summary>
    /// Claims <paramref name="activityKey"/> for this delivery: <see cref="ActivityClaim.MayRun"/> when it is the first
    /// one or takes over a released or abandoned claim; otherwise says whether the earlier delivery is still running or
    /// completed. A write the storage client resent after a lost response still counts as ours.
    /// </summary>
    /// <param name="replay">The activity, kept in the claim until the turn completes, when its answer may come before its work ends.</param>
    Task<ActivityClaim> ClaimAsync(string activityKey, string activityType, string? replay = null, CancellationToken cancellationToken = default);

    /// <summary>The kept activities received before <paramref name="receivedBefore"/> and never completed (<see cref="ActivityClaimRecord.IsAbandoned"/>).</summary>
    IAsyncEnumerable<Document<ActivityClaimRecord>> AbandonedAsync(DateTimeOffset receivedBefore, CancellationToken cancellationToken = default);

    /// <summary>Marks the turn of <paramref name="claim"/> as completed; false when another delivery took the claim over meanwhile.</summary>
    Task<bool> CompleteAsync(ActivityClaim claim, CancellationToken cancellationToken = default);

    /// <summary>Gives up <paramref name="claim"/> after a failed turn, so that a resend runs; false when it was no longer ours.</summary>
    Task<bool> ReleaseAsync(ActivityClaim claim, CancellationToken cancellationToken = default);

    /// <summary>Deletes the claims received before <paramref name="receivedBefore"/>; returns how many went.</summary>
    Task<int> PurgeAsync(DateTimeOffset receivedBefore, CancellationToken cancellationToken = default);

    Task<bool> IsReachableAsync(CancellationToken cancellationToken = default);
}
