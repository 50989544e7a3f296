using System.Text.Json.Nodes;
using BepBot.Chat;

namespace BepBot.Features.Conferences;

/// <summary>
/// A session's card as it stands now for a member, as `conferences.show` shows it and as the invitations, date polls
/// and reminders sent earlier are updated to: the poll while the date is open (a bourgmestre's answer with it), else
/// the session with its date, place, agenda button and the commune's answer, or « annulé ».
/// </summary>
public static class MemberConferenceCard
{
    public static async Task<JsonObject> RenderAsync(ConferenceStore store, ConferenceCards cards, ConferenceSession session, Member member, IReadOnlyList<Member> roster, CancellationToken cancellationToken)
    {
        if (session.State == ConferenceState.DatePoll && member.Role == Role.Bourgmestre)
        {
            return cards.Poll(session, await store.PollAnswerOfAsync(session.Id, member.Commune!, cancellationToken));
        }

        var rsvp = member.Role == Role.Bourgmestre ? await store.RsvpOfAsync(session.Id, member.Commune!, cancellationToken) : null;
        return cards.MemberSession(session, member, rsvp, roster);
    }

    /// <summary>The message that replaces a poll, an invitation or a reminder sent earlier.</summary>
    public static async Task<OutgoingMessage?> UpdateAsync(ConferenceStore store, ConferenceCards cards, ConferenceSession session, Member member, IReadOnlyList<Member> roster, CancellationToken cancellationToken) =>
        new OutgoingMessage(session.Title, await RenderAsync(store, cards, session, member, roster, cancellationToken));

    /// <summary>The subject of the cards of a content reference ("sessionId" or "sessionId:n").</summary>
    public static string SubjectOfReference(string reference) => SubjectOf(reference.Split(':')[0]);

    /// <summary>What a session's cards are about, for the updates that keep them true.</summary>
    public static string SubjectOf(string sessionId) => "conference:" + sessionId;
}
