namespace BepBot.Platform.Delivery;

public enum DeliveryStatus
{
    Pending,
    Sending,
    Retrying,
    Sent,
    Failed,
    Unreachable,
}
