using System.Text.Json;
using BepBot.Chat;

namespace BepBot.Features.Conferences;

/// <summary>`conferences.show`: the session as this viewer needs it (staff management, bourgmestre RSVP or poll, officer read-only).</summary>
public sealed class ShowConference(ConferenceAccess access, ConferenceStore store, ConferenceCards cards, IMemberDirectory roster) : ICardActionHandler
{
    public async Task<Reply> HandleAsync(ChatTurn turn, JsonElement data, CancellationToken cancellationToken)
    {
        var request = CardData.Read<SessionRef>(data);
        var (session, refusal) = await access.FindAsync(turn, request.SessionId, cancellationToken);
        if (session is null)
        {
            return refusal!;
        }

        if (turn.User.Role == Role.BepStaff)
        {
            return Reply.WithCard(cards.StaffSession(session), session.Title);
        }

        var member = turn.User.Member!;
        if (session.State == ConferenceState.DatePoll && member.Role == Role.Bourgmestre)
        {
            return Reply.WithCard(cards.Poll(session, await store.PollAnswerOfAsync(session.Id, member.Commune!, cancellationToken)), session.Title);
        }

        var rsvp = member.Role == Role.Bourgmestre ? await store.RsvpOfAsync(session.Id, member.Commune!, cancellationToken) : null;
        return Reply.WithCard(cards.MemberSession(session, member, rsvp, (await roster.ListAsync(cancellationToken))), session.Title);
    }
}
