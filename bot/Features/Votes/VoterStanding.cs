using BepBot.Infrastructure.Storage;
using BepBot.Platform.Procurations;

namespace BepBot.Features.Votes;

/// <summary>
/// Where a member stands on a ballot: the communes they vote for with each one's vote, and the procuration their own
/// commune gave away. Read once per click and used both to decide and to draw the card.
/// </summary>
public sealed record VoterStanding(IReadOnlyList<VotingSeat> Seats, Procuration? GivenAway)
{
    public static readonly VoterStanding None = new([], null);

    public VotingSeat? OwnSeat => Seats.FirstOrDefault(seat => seat.HeldFrom is null);

    public VotingSeat? SeatFor(string commune) => Seats.FirstOrDefault(seat => seat.Commune == commune);

    public bool AnyWaiting => Seats.Any(seat => !seat.Voted);

    /// <summary>The same standing after this member's vote for <paramref name="commune"/> was recorded.</summary>
    public VoterStanding WithVote(string commune, Document<CommuneVote>? vote, Procuration? usedProcuration) =>
        this with
        {
            Seats = [.. Seats.Select(seat => seat.Commune != commune ? seat : seat with
            {
                Vote = vote ?? seat.Vote,
                Voted = true,
                HeldFrom = seat.HeldFrom is null ? null : usedProcuration ?? seat.HeldFrom,
            })],
        };
}
