namespace BepBot.Platform.Delivery;

public enum BroadcastState
{
    Draft,
    Scheduled,
    Sending,
    Completed,
    Cancelled,
}
