using BepBot.Chat;
using BepBot.Platform.Delivery;
using Microsoft.Extensions.Localization;

namespace BepBot.Features.Conferences;

/// <summary>What follows a staff decision: who is told, the Outlook event, the reminders. Returns what staff should read.</summary>
public sealed class ConferenceLifecycle(
    ConferenceAnnouncer announcer,
    CardUpdates cardUpdates,
    ConferenceCalendar calendar,
    IMemberDirectory roster,
    IStringLocalizer<ConferencesTexts> texts)
{
    public async Task<(ConferenceSession Session, string Notice)> PollOpenedAsync(ConferenceSession session, ChatUser author, CancellationToken cancellationToken)
    {
        await announcer.ToBourgmestresAsync(session, ConferenceAnnouncer.PollKind, session.Id, "poll", texts["Broadcast_Poll", session.Title], author, cancellationToken);
        return (session, texts["Notice_PollSent", await BourgmestresInScopeAsync(session, cancellationToken)]);
    }

    /// <summary>The date is known (fixed from the start, or picked from the poll): invite, put it in Outlook, plan reminders.</summary>
    public async Task<(ConferenceSession Session, string Notice)> DateSetAsync(ConferenceSession session, ChatUser author, string kind, string idSuffix, CancellationToken cancellationToken)
    {
        await announcer.ToBourgmestresAsync(session, kind, session.Id, idSuffix, texts["Broadcast_Invitation", session.Title], author, cancellationToken);
        if (kind == ConferenceAnnouncer.DateKind)
        {
            // The date polls sent earlier now show the date retained.
            await UpdateCardsAsync(session, author, cancellationToken);
        }
        await announcer.ScheduleRemindersAsync(session, cancellationToken);
        var synced = await calendar.SyncAsync(session.Id, cancellationToken) ?? session;
        return (synced, Join(texts["Notice_InvitationsSent", await BourgmestresInScopeAsync(session, cancellationToken)], calendar.Outcome(synced)));
    }

    /// <summary>A staff edit: tell the bourgmestres what changed, move the reminders with the date, update Outlook.</summary>
    public async Task<(ConferenceSession Session, string Notice)> ChangedAsync(ConferenceSession before, ConferenceSession after, ChatUser author, CancellationToken cancellationToken)
    {
        if (after.State == ConferenceState.Scheduled && before.StartsAt != after.StartsAt)
        {
            await announcer.CancelRemindersAsync(before, cancellationToken);
            await announcer.ScheduleRemindersAsync(after, cancellationToken);
        }

        await announcer.ToBourgmestresAsync(after, ConferenceAnnouncer.ChangeKind, $"{after.Id}:{after.Version}", "change" + ConferenceAnnouncer.Number(after.Version), texts["Broadcast_Change", after.Title], author, cancellationToken);
        await UpdateCardsAsync(after, author, cancellationToken);
        var synced = after.StartsAt is null ? after : await calendar.SyncAsync(after.Id, cancellationToken) ?? after;
        return (synced, Join(texts["Notice_ChangeSent", await BourgmestresInScopeAsync(after, cancellationToken)], calendar.Outcome(synced)));
    }

    public async Task<(ConferenceSession Session, string Notice)> CancelledAsync(ConferenceSession session, ChatUser author, CancellationToken cancellationToken)
    {
        await announcer.CancelRemindersAsync(session, cancellationToken);
        await announcer.ToBourgmestresAsync(session, ConferenceAnnouncer.CancelKind, session.Id, "cancel", texts["Broadcast_Cancel", session.Title], author, cancellationToken);
        await UpdateCardsAsync(session, author, cancellationToken);
        var synced = session.Calendar.EventId is null ? session : await calendar.SyncAsync(session.Id, cancellationToken) ?? session;
        return (synced, Join(texts["Notice_CancelSent", await BourgmestresInScopeAsync(session, cancellationToken)], calendar.Outcome(synced)));
    }

    /// <summary>
    /// The polls, invitations and reminders sent earlier show the session as it is now (date, place, agenda, « annulé »).
    /// One update per version of the session: a retried request does not update the cards twice.
    /// </summary>
    public Task UpdateCardsAsync(ConferenceSession session, ChatUser author, CancellationToken cancellationToken) =>
        cardUpdates.StartAsync(
            new CardUpdateRequest(MemberConferenceCard.SubjectOf(session.Id), session.Title, $"conference:{session.Id}:v{ConferenceAnnouncer.Number(session.Version)}", author.AadObjectId, author.Name),
            cancellationToken);

    public async Task<int> BourgmestresInScopeAsync(ConferenceSession session, CancellationToken cancellationToken) =>
        (await roster.ListAsync(cancellationToken)).Count(member => member.Role == Role.Bourgmestre && session.InScope(member.Commune));

    private static string Join(string first, string second) => second.Length == 0 ? first : first + "\n\n" + second;
}
