namespace BepBot.Platform.Delivery;

/// <summary>
/// One recipient of one broadcast: the single source of truth on whether they got it. A worker claims it
/// (Sending, with a claim deadline) before sending, so a retried or re-delivered queue message never sends twice.
/// A delivery of a card update is one card: <see cref="Card"/> says which, and its key is the recipient's and the card's broadcast.
/// </summary>
/// <param name="Reason">Why it did not arrive, as words: records written before <paramref name="Why"/> was kept.</param>
/// <param name="Why">Why it did not arrive, worded by whoever reads it (<see cref="DeliveryReasons"/>).</param>
/// <param name="Commune">The recipient's commune at launch: two people of the same name are told apart in the report.</param>
public sealed record DeliveryRecord(
    string BroadcastId,
    string RecipientKey,
    string RecipientName,
    DeliveryStatus Status,
    int Attempts,
    DateTimeOffset UpdatedAt,
    string? Reason = null,
    DateTimeOffset? SentAt = null,
    string? ActivityId = null,
    DateTimeOffset? ClaimedUntil = null,
    SentCard? Card = null,
    DeliveryReason? Why = null,
    string? Commune = null)
{
    public bool IsFinal => Status is DeliveryStatus.Sent or DeliveryStatus.Failed or DeliveryStatus.Unreachable;
}
