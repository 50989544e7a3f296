using BepBot.Features.Procurations;
using BepBot.Features.Roster;

namespace BepBot.Features.Votes;

/// <summary>A commune a member may vote for in a ballot: their own, or one whose procuration they hold.</summary>
/// <param name="HeldFrom">The procuration the member holds for this commune (null: it is their own commune).</param>
public sealed record VotingSeat(string Commune, Procuration? HeldFrom);

/// <summary>
/// Who votes for which commune: the bourgmestre for their commune unless they gave a procuration, and the holder
/// of a procuration given for this ballot or for the conference session the ballot belongs to.
/// </summary>
public sealed class VoterRights(ProcurationBook procurations)
{
    /// <summary>The procuration the commune gave for this ballot (or its session), if any.</summary>
    public async Task<Procuration?> GivenByAsync(Ballot ballot, string commune, CancellationToken cancellationToken = default) =>
        await procurations.GivenByAsync(ProcurationScope.Ballot, ballot.Id, commune, cancellationToken)
        ?? (ballot.SessionId is { } session ? await procurations.GivenByAsync(ProcurationScope.Session, session, commune, cancellationToken) : null);

    /// <summary>The procuration the member holds for this ballot (or its session) for a commune in scope, if any.</summary>
    public async Task<Procuration?> HeldByAsync(Ballot ballot, string aadObjectId, CancellationToken cancellationToken = default)
    {
        var held = await procurations.HeldByAsync(ProcurationScope.Ballot, ballot.Id, aadObjectId, cancellationToken)
            ?? (ballot.SessionId is { } session ? await procurations.HeldByAsync(ProcurationScope.Session, session, aadObjectId, cancellationToken) : null);
        return held is not null && ballot.InScope(held.GiverCommune) ? held : null;
    }

    public async Task<IReadOnlyList<VotingSeat>> SeatsAsync(Ballot ballot, RosterMember? member, CancellationToken cancellationToken = default)
    {
        if (member is null)
        {
            return [];
        }

        var seats = new List<VotingSeat>();
        if (member.Role == Role.Bourgmestre && ballot.InScope(member.Commune))
        {
            seats.Add(new VotingSeat(member.Commune!, null));
        }

        if (await HeldByAsync(ballot, member.AadObjectId, cancellationToken) is { } held)
        {
            seats.Add(new VotingSeat(held.GiverCommune, held));
        }

        return seats;
    }

    /// <summary>Whether <paramref name="member"/> may vote for <paramref name="commune"/> now, and under which procuration.</summary>
    public async Task<(bool Allowed, Procuration? Procuration, Procuration? GivenAway)> RightAsync(Ballot ballot, RosterMember member, string commune, CancellationToken cancellationToken = default)
    {
        if (member.Role == Role.Bourgmestre && member.Commune == commune)
        {
            var given = await GivenByAsync(ballot, commune, cancellationToken);
            return given is null ? (true, null, null) : (false, null, given);
        }

        var held = await HeldByAsync(ballot, member.AadObjectId, cancellationToken);
        return held is not null && held.GiverCommune == commune ? (true, held, null) : (false, null, null);
    }
}
