namespace BepBot.Features.Labs;

/// <summary>One person's request for a seat, in the order the lab's ledger took it in (<see cref="Ordinal"/>).</summary>
/// <param name="Ticket">The arrival ticket the request came from (its key under the lab's inbox).</param>
public sealed record Registration(
    string Ticket,
    int Ordinal,
    string AadObjectId,
    string Name,
    string Commune,
    SeatStatus Status,
    DateTimeOffset ReceivedAt,
    DateTimeOffset ChangedAt,
    string? ChangedBy = null,
    bool? Attended = null)
{
    public bool IsActive => Status is SeatStatus.Confirmed or SeatStatus.Waiting;
}
