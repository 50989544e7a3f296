namespace BepBot.Platform.Delivery;

/// <summary>How many deliveries of a broadcast stand where.</summary>
public sealed record DeliveryCounts(int Sent, int Pending, int Retrying, int Failed, int Unreachable)
{
    public int Total => Sent + Pending + Retrying + Failed + Unreachable;

    public bool IsComplete => Pending == 0 && Retrying == 0;

    public static DeliveryCounts Of(IEnumerable<DeliveryRecord> deliveries)
    {
        var list = deliveries.ToList();
        return new(
            list.Count(delivery => delivery.Status == DeliveryStatus.Sent),
            list.Count(delivery => delivery.Status is DeliveryStatus.Pending or DeliveryStatus.Sending),
            list.Count(delivery => delivery.Status == DeliveryStatus.Retrying),
            list.Count(delivery => delivery.Status == DeliveryStatus.Failed),
            list.Count(delivery => delivery.Status == DeliveryStatus.Unreachable));
    }
}
