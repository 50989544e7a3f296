namespace BepBot.Infrastructure.Storage;

/// <summary>
/// The answer of <see cref="IActivityClaims.ClaimAsync"/>. When the delivery may run, <paramref name="Record"/> and
/// <paramref name="ETag"/> are the claim as it wrote it, which completing or releasing it must still match.
/// </summary>
/// <param name="PreviousInstance">The instance whose claim this one took over, or that still runs the turn.</param>
public sealed record ActivityClaim(
    string ActivityKey,
    ActivityClaimStatus Status,
    ActivityClaimRecord? Record = null,
    string? ETag = null,
    string? PreviousInstance = null)
{
    public bool MayRun => Status is ActivityClaimStatus.Claimed or ActivityClaimStatus.TakenOver;
}
