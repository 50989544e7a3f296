using BepBot.Chat;
using BepBot.Platform.Procurations;
using BepBot.Infrastructure.Storage;

namespace BepBot.Features.Votes;

/// <summary>A commune a member may vote for in a ballot: their own, or one whose procuration they hold.</summary>
/// <param name="HeldFrom">The procuration the member holds for this commune (null: it is their own commune).</param>
/// <param name="Vote">The commune's vote as stored (open ballots only; with its ETag, so a change can replace it).</param>
/// <param name="Voted">Whether the commune has voted (for a secret ballot, its participation).</param>
public sealed record VotingSeat(string Commune, Procuration? HeldFrom, Document<CommuneVote>? Vote = null, bool Voted = false);

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

/// <summary>
/// Who votes for which commune: the bourgmestre for their commune unless they gave a procuration, and the holder
/// of a procuration given for this ballot or for the conference session the ballot belongs to.
/// </summary>
public sealed class VoterRights(ProcurationBook procurations, BallotStore ballots)
{
    /// <summary>The procuration the commune gave for this ballot (or its session), if any.</summary>
    public Task<Procuration?> GivenByAsync(Ballot ballot, string commune, CancellationToken cancellationToken = default) =>
        ForBallotOrSessionAsync(ballot, (scope, scopeId) => procurations.GivenByAsync(scope, scopeId, commune, cancellationToken));

    /// <summary>The procuration the member holds for this ballot (or its session) for a commune in scope, if any.</summary>
    public async Task<Procuration?> HeldByAsync(Ballot ballot, string aadObjectId, CancellationToken cancellationToken = default)
    {
        var held = await ForBallotOrSessionAsync(ballot, (scope, scopeId) => procurations.HeldByAsync(scope, scopeId, aadObjectId, cancellationToken));
        return held is not null && ballot.InScope(held.GiverCommune) ? held : null;
    }

    /// <summary>Both lookups at once (two store reads, one wait); the ballot's own procuration comes first.</summary>
    private static async Task<Procuration?> ForBallotOrSessionAsync(Ballot ballot, Func<ProcurationScope, string, Task<Procuration?>> lookUp)
    {
        var forBallot = lookUp(ProcurationScope.Ballot, ballot.Id);
        var forSession = ballot.SessionId is { } session ? lookUp(ProcurationScope.Session, session) : Task.FromResult<Procuration?>(null);
        await Task.WhenAll(forBallot, forSession);
        return await forBallot ?? await forSession;
    }

    /// <summary>
    /// Reads everything at once: each lookup is a store round trip, and a vote click waits for all of them.
    /// Only a holder's second commune needs a second round (which commune it is comes with the procuration).
    /// </summary>
    public async Task<VoterStanding> StandingAsync(Ballot ballot, Member? member, CancellationToken cancellationToken = default)
    {
        if (member is null)
        {
            return VoterStanding.None;
        }

        var ownCommune = member.Role == Role.Bourgmestre && ballot.InScope(member.Commune) ? member.Commune : null;
        var given = ownCommune is null ? null : GivenByAsync(ballot, ownCommune, cancellationToken);
        var ownSeat = ownCommune is null ? null : SeatAsync(ballot, ownCommune, null, cancellationToken);
        var held = HeldByAsync(ballot, member.AadObjectId, cancellationToken);
        await Task.WhenAll(held, given ?? Task.CompletedTask, ownSeat ?? Task.CompletedTask);

        var seats = new List<VotingSeat>();
        if (ownSeat is not null)
        {
            seats.Add(await ownSeat);
        }

        if (await held is { } procuration)
        {
            seats.Add(await SeatAsync(ballot, procuration.GiverCommune, procuration, cancellationToken));
        }

        return new VoterStanding(seats, given is null ? null : await given);
    }

    private async Task<VotingSeat> SeatAsync(Ballot ballot, string commune, Procuration? heldFrom, CancellationToken cancellationToken)
    {
        if (ballot.Secret)
        {
            return new VotingSeat(commune, heldFrom, Voted: await ballots.HasVotedAsync(ballot, commune, cancellationToken));
        }

        var vote = await ballots.GetVoteAsync(ballot.Id, commune, cancellationToken);
        return new VotingSeat(commune, heldFrom, vote, vote is not null);
    }
}
