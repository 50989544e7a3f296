using BepBot.Platform.Sessions;

namespace BepBot.Features.Conferences;

/// <summary>`nouveau vote` offers the sessions still to come, with their agenda items, to link the ballot to.</summary>
public sealed class ConferenceSessionCatalog(ConferenceStore sessions, TimeProvider clock) : IConferenceSessionCatalog
{
    public async Task<IReadOnlyList<SessionChoice>> UpcomingAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        return [.. (await sessions.ListAsync(cancellationToken))
            .Where(session => session.State != ConferenceState.Cancelled && (session.StartsAt is null || session.StartsAt > now))
            .OrderBy(session => session.StartsAt ?? DateTimeOffset.MaxValue)
            .Select(session => new SessionChoice(session.Id, session.Title, session.StartsAt, [.. session.Agenda.Select(item => new AgendaChoice(item.Id, item.Title))]))];
    }
}
