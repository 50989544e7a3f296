using BepBot.Features.Conferences;

namespace BepBot.Features.Votes;

/// <summary>`nouveau vote` offers the sessions still to come, with their agenda items, to link the ballot to.</summary>
public sealed class ConferenceSessionCatalog(ConferenceStore sessions, TimeProvider clock) : IConferenceSessionCatalog
{
    public async Task<IReadOnlyList<SessionChoice>> UpcomingAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        return [.. (await sessions.ListAsync(ct))
            .Where(session => session.State != ConferenceState.Cancelled && (session.StartsAt is null || session.StartsAt > now))
            .OrderBy(session => session.StartsAt ?? DateTimeOffset.MaxValue)
            .Select(session => new SessionChoice(session.Id, session.Title, session.StartsAt, [.. session.Agenda.Select(item => new AgendaChoice(item.Id, item.Title))]))];
    }
}

/// <summary>The relevé de décisions of a session lists the ballots held on it, with their outcome.</summary>
public sealed class BallotsForDecisions(BallotsOfSession ballots) : ISessionBallotSource
{
    public async Task<IReadOnlyList<Conferences.SessionBallot>> ForSessionAsync(string sessionId, CancellationToken cancellationToken) =>
        [.. (await ballots.ListAsync(sessionId, cancellationToken))
            .Where(ballot => ballot.OutcomeText is not null)
            .Select(ballot => new Conferences.SessionBallot(ballot.Id, ballot.Question, ballot.AgendaItemId, ballot.OutcomeText!))];
}
