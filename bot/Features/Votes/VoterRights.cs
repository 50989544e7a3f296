using BepBot.Chat;
using BepBot.Platform.Procurations;

namespace BepBot.Features.Votes;

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
