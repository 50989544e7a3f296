using BepBot.Platform.Sessions;

namespace BepBot.Features.Votes;

/// <summary>The ballots linked to a conference session; the closed ones, with their outcome, for its relevé de décisions.</summary>
public sealed class BallotsOfSession(BallotStore ballots, BallotCards cards) : ISessionBallotSource
{
    public async Task<IReadOnlyList<Ballot>> ListAsync(string sessionId, CancellationToken cancellationToken = default) =>
        [.. (await ballots.ListAsync(cancellationToken))
            .Where(ballot => ballot.SessionId == sessionId)
            .OrderBy(ballot => ballot.CreatedAt)];

    public async Task<IReadOnlyList<SessionBallot>> ForSessionAsync(string sessionId, CancellationToken cancellationToken) =>
        [.. (await ListAsync(sessionId, cancellationToken))
            .Where(ballot => ballot.Result is not null)
            .Select(ballot => new SessionBallot(ballot.Id, ballot.Question, ballot.AgendaItemId, cards.OutcomeText(ballot, ballot.Result!)))];
}
