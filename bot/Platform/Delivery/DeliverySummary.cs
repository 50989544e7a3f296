using BepBot.Infrastructure.Time;

namespace BepBot.Platform.Delivery;

/// <summary>
/// Where a broadcast's deliveries stand, counted from every record at <see cref="CountedAt"/> and kept beside them
/// (broadcasts/{id}/summary), so that a finished broadcast of 10,000 recipients is shown from one document: its
/// counts, every recipient it did not reach (failures first), and the first of those it reached, by name.
/// </summary>
/// <param name="NotReached">Failures, then recipients BepBot cannot reach, then deliveries being tried again; by name within each.</param>
/// <param name="FirstReached">Recipients reached (or on their way), by name, at most <see cref="MaxReached"/>; the report has them all.</param>
public sealed record DeliverySummary(
    DeliveryCounts Counts,
    IReadOnlyList<DeliveryRecord> NotReached,
    IReadOnlyList<DeliveryRecord> FirstReached,
    int ReachedCount,
    DateTimeOffset CountedAt)
{
    public const int MaxReached = 200;

    // Names sort the same for a French and an English reader; the summary is kept once for both.
    private static readonly StringComparer ByName = StringComparer.Create(BelgianTime.French, ignoreCase: true);

    /// <summary>Nothing in it can change any more: every delivery is final.</summary>
    public bool IsFinalFor(Broadcast broadcast) => Counts.IsComplete && Counts.Total >= broadcast.RecipientCount;

    public static DeliverySummary Of(IReadOnlyList<DeliveryRecord> deliveries, DateTimeOffset countedAt)
    {
        var reached = deliveries.Where(IsReached).OrderBy(delivery => delivery.RecipientName, ByName).ToList();
        return new(
            DeliveryCounts.Of(deliveries),
            [.. deliveries.Where(delivery => !IsReached(delivery)).OrderBy(delivery => Rank(delivery.Status)).ThenBy(delivery => delivery.RecipientName, ByName)],
            [.. reached.Take(MaxReached)],
            reached.Count,
            countedAt);
    }

    private static bool IsReached(DeliveryRecord delivery) => delivery.Status is DeliveryStatus.Sent or DeliveryStatus.Pending or DeliveryStatus.Sending;

    // What needs a look first: failures, then those BepBot cannot reach, then those still being tried.
    private static int Rank(DeliveryStatus status) => status switch
    {
        DeliveryStatus.Failed => 0,
        DeliveryStatus.Unreachable => 1,
        _ => 2,
    };
}
