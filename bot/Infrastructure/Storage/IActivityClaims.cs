namespace BepBot.Infrastructure.Storage;

/// <summary>
/// Which incoming activities were already taken by an instance of the bot: one claim per activity, taken with
/// create-if-absent so that it holds across instances. Claims are kept for a retention period, then purged.
/// </summary>
public interface IActivityClaims
{
    /// <summary>
    /// True when this delivery is the first one of <paramref name="activityKey"/> and may run; false when another
    /// delivery took it. A create the storage client resent after a lost response still counts as ours.
    /// </summary>
    Task<bool> TryClaimAsync(string activityKey, string activityType, CancellationToken cancellationToken = default);

    /// <summary>Deletes the claims received before <paramref name="receivedBefore"/>; returns how many went.</summary>
    Task<int> PurgeAsync(DateTimeOffset receivedBefore, CancellationToken cancellationToken = default);

    Task<bool> IsReachableAsync(CancellationToken cancellationToken = default);
}
