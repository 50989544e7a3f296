namespace BepBot.Features.Labs;

public enum SeatStatus
{
    Confirmed,
    Waiting,
    Cancelled,

    /// <summary>A ticket absorbed without a seat request: a double click, or a click that reached a lab closed meanwhile.</summary>
    Dropped,
}
