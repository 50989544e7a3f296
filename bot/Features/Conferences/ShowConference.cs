using System.Text.Json;
using BepBot.Chat;

namespace BepBot.Features.Conferences;

/// <summary>`conferences.show`: the session as this viewer needs it (staff management, bourgmestre RSVP or poll, officer read-only).</summary>
public sealed class ShowConference(ConferenceAccess access, ConferenceStore store, ConferenceCards cards, IMemberDirectory roster) : ICardActionHandler
{
    public async Task<Reply> HandleAsync(ChatTurn turn, JsonElement data, CancellationToken cancellationToken)
    {
        var request = CardData.Read<SessionRef>(data, turn.CardInputs);
        var (session, refusal) = await access.FindAsync(turn, request.SessionId, cancellationToken);
        if (session is null)
        {
            return refusal!;
        }

        if (turn.User.Role == Role.BepStaff)
        {
            return Reply.WithCard(cards.StaffSession(session), session.Title);
        }

        return Reply.WithCard(await MemberConferenceCard.RenderAsync(store, cards, session, turn.User.Member!, await roster.ListAsync(cancellationToken), cancellationToken), session.Title);
    }
}
