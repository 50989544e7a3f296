namespace BepBot.Platform.Sessions;

/// <summary>
/// The closed ballots of a conference session, for its relevé de décisions. Implemented by the votes feature; when
/// none is registered, the relevé lists no ballot.
/// </summary>
public interface ISessionBallotSource
{
    Task<IReadOnlyList<SessionBallot>> ForSessionAsync(string sessionId, CancellationToken cancellationToken);
}
