namespace BepBot.Platform.Sessions;

/// <summary>
/// The conference sessions a ballot may belong to. Implemented by the conferences feature; when none is registered,
/// `nouveau vote` skips the session and agenda steps.
/// </summary>
public interface IConferenceSessionCatalog
{
    Task<IReadOnlyList<SessionChoice>> UpcomingAsync(CancellationToken cancellationToken);
}
