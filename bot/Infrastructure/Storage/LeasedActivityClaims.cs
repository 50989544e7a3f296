namespace BepBot.Infrastructure.Storage;

/// <summary>
/// The life of a claim, written once for both claim stores, which only provide conditional writes of one
/// <see cref="ActivityClaimRecord"/> per activity. A claim is created running, with this instance and a lease; a
/// later delivery that finds it released (deleted) creates it again, one that finds its lease over replaces it under
/// If-Match on the ETag it read, so that of two resends only one takes it over.
/// </summary>
public abstract class LeasedActivityClaims(TimeProvider clock, TimeSpan lease) : IActivityClaims
{
    // A claim released or taken over between our read and our write: read again a few times, then leave it to the
    // others rather than run a turn that someone else may be running.
    private const int MaxAttempts = 3;

    private static readonly string ThisInstance = $"{Environment.MachineName}-{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..8]}";

    public async Task<ActivityClaim> ClaimAsync(string activityKey, string activityType, string? replay = null, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var mine = new ActivityClaimRecord(activityType, now, Guid.NewGuid().ToString("N"), ThisInstance, now + lease, Replay: replay);
        string? tookOverFrom = null;
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            if (await TryCreateAsync(activityKey, mine, cancellationToken) is { } created)
            {
                return Ours(activityKey, mine, created, tookOverFrom);
            }

            if (await ReadAsync(activityKey, cancellationToken) is not { } current)
            {
                continue;
            }

            // The storage client resends a write whose response was lost: then the conflict is with ourselves.
            if (current.Value.Claim == mine.Claim)
            {
                return Ours(activityKey, mine, current.ETag, tookOverFrom);
            }

            if (current.Value.IsCompleted)
            {
                return new ActivityClaim(activityKey, ActivityClaimStatus.Completed, PreviousInstance: current.Value.Instance);
            }

            if (current.Value.IsRunningAt(now))
            {
                return new ActivityClaim(activityKey, ActivityClaimStatus.Running, PreviousInstance: current.Value.Instance);
            }

            tookOverFrom = current.Value.Instance ?? string.Empty;
            if (await TryReplaceAsync(activityKey, mine, current.ETag, cancellationToken) is { } replaced)
            {
                return Ours(activityKey, mine, replaced, tookOverFrom);
            }
        }

        return new ActivityClaim(activityKey, ActivityClaimStatus.Running);
    }

    public async Task<bool> CompleteAsync(ActivityClaim claim, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(claim);
        var (record, etag) = Held(claim);
        // A completed click needs no keeping: without its activity, it is no longer looked at for abandoned clicks.
        var completed = record with { CompletedAt = clock.GetUtcNow(), Replay = null };
        if (await TryReplaceAsync(claim.ActivityKey, completed, etag, cancellationToken) is not null)
        {
            return true;
        }

        var current = await ReadAsync(claim.ActivityKey, cancellationToken);
        return current is not null && current.Value.Claim == record.Claim && current.Value.IsCompleted;
    }

    public Task<bool> ReleaseAsync(ActivityClaim claim, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(claim);
        return TryDeleteAsync(claim.ActivityKey, Held(claim).ETag, cancellationToken);
    }

    public abstract IAsyncEnumerable<Document<ActivityClaimRecord>> AbandonedAsync(DateTimeOffset receivedBefore, CancellationToken cancellationToken = default);

    protected DateTimeOffset Now => clock.GetUtcNow();

    public abstract Task<int> PurgeAsync(DateTimeOffset receivedBefore, CancellationToken cancellationToken = default);

    public abstract Task<bool> IsReachableAsync(CancellationToken cancellationToken = default);

    /// <summary>Creates the claim if the activity has none; its ETag, or null when there is one.</summary>
    protected abstract Task<string?> TryCreateAsync(string activityKey, ActivityClaimRecord record, CancellationToken cancellationToken);

    protected abstract Task<Document<ActivityClaimRecord>?> ReadAsync(string activityKey, CancellationToken cancellationToken);

    /// <summary>Replaces the claim if its ETag is still <paramref name="etag"/>; its new ETag, or null when it changed or went.</summary>
    protected abstract Task<string?> TryReplaceAsync(string activityKey, ActivityClaimRecord record, string etag, CancellationToken cancellationToken);

    /// <summary>Deletes the claim if its ETag is still <paramref name="etag"/>; false when it changed or went.</summary>
    protected abstract Task<bool> TryDeleteAsync(string activityKey, string etag, CancellationToken cancellationToken);

    private static ActivityClaim Ours(string activityKey, ActivityClaimRecord record, string etag, string? tookOverFrom) =>
        tookOverFrom is null
            ? new ActivityClaim(activityKey, ActivityClaimStatus.Claimed, record, etag)
            : new ActivityClaim(activityKey, ActivityClaimStatus.TakenOver, record, etag, tookOverFrom);

    private static (ActivityClaimRecord Record, string ETag) Held(ActivityClaim claim) =>
        claim is { MayRun: true, Record: { } record, ETag: { } etag }
            ? (record, etag)
            : throw new InvalidOperationException($"Activity {claim.ActivityKey} was not claimed by this delivery ({claim.Status}).");
}
