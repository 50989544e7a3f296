namespace BepBot.Infrastructure.Storage;

/// <summary>
/// One activity's claim as both claim stores keep it: running on <paramref name="Instance"/> until
/// <paramref name="LeaseEndsAt"/>, or completed at <paramref name="CompletedAt"/>.
/// </summary>
/// <param name="Claim">Unique to the delivery that wrote it: how a write resent after a lost response is recognised as ours.</param>
public sealed record ActivityClaimRecord(
    string Type,
    DateTimeOffset ReceivedAt,
    string? Claim,
    string? Instance = null,
    DateTimeOffset? LeaseEndsAt = null,
    DateTimeOffset? CompletedAt = null)
{
    // Claims written before leases existed carry neither time: their turn ran to its end.
    public bool IsCompleted => CompletedAt is not null || LeaseEndsAt is null;

    public bool IsRunningAt(DateTimeOffset now) => !IsCompleted && LeaseEndsAt > now;
}
