using System.Text.Json;
using BepBot.Chat;

namespace BepBot.Features.Conferences;

/// <summary>`conferences.agenda`: the agenda with its times; staff get the buttons to change and publish it.</summary>
public sealed class ShowAgenda(ConferenceAccess access, AgendaView agenda) : ICardActionHandler
{
    public async Task<Reply> HandleAsync(ChatTurn turn, JsonElement data, CancellationToken cancellationToken)
    {
        var request = CardData.Read<SessionRef>(data);
        var (session, refusal) = await access.FindAsync(turn, request.SessionId, cancellationToken);
        if (session is null)
        {
            return refusal!;
        }

        if (turn.User.Role != Role.BepStaff && session.AgendaPublications == 0)
        {
            return access.Refuse(turn, session.Id, "Agenda_NotYetPublished");
        }

        return Reply.WithCard(agenda.Card(session, forStaff: turn.User.Role == Role.BepStaff), session.Title);
    }
}
