namespace BepBot.Features.Votes;

public sealed record AgendaChoice(string Id, string Title);

public sealed record SessionChoice(string Id, string Title, DateTimeOffset? StartsAt, IReadOnlyList<AgendaChoice> AgendaItems);

/// <summary>
/// The conference sessions a ballot may belong to. Implemented by the conferences feature; when none is registered,
/// `nouveau vote` skips the session and agenda steps.
/// </summary>
public interface IConferenceSessionCatalog
{
    Task<IReadOnlyList<SessionChoice>> UpcomingAsync(CancellationToken ct);
}

public sealed record SessionBallot(string Id, string Question, string? AgendaItemId, BallotState State, string? OutcomeText);

/// <summary>The ballots of a conference session, for its relevé de décisions.</summary>
public sealed class BallotsOfSession(BallotStore ballots, BallotCards cards)
{
    public async Task<IReadOnlyList<SessionBallot>> ListAsync(string sessionId, CancellationToken cancellationToken = default) =>
        [.. (await ballots.ListAsync(cancellationToken))
            .Where(ballot => ballot.SessionId == sessionId)
            .OrderBy(ballot => ballot.CreatedAt)
            .Select(ballot => new SessionBallot(ballot.Id, ballot.Question, ballot.AgendaItemId, ballot.State, ballot.Result is { } result ? cards.OutcomeText(ballot, result) : null))];
}
