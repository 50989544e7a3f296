using System.Text.Json;
using BepBot.Chat;
using BepBot.Chat.Flows;

namespace BepBot.Features.Conferences;

public sealed class StartAddAgendaItem(ConferenceAccess access, FlowRunner flows) : ICardActionHandler
{
    public async Task<Reply> HandleAsync(ChatTurn turn, JsonElement data, CancellationToken cancellationToken)
    {
        var request = CardData.Read<SessionRef>(data);
        var (session, refusal) = await access.FindAsync(turn, request.SessionId, cancellationToken);
        if (session is null)
        {
            return refusal!;
        }

        return session.State == ConferenceState.Cancelled
            ? access.Refuse(turn, session.Id, "Error_SessionClosed")
            : await SessionFlows.StartAsync(flows, turn, AddAgendaItemFlow.FlowId, session.Id, cancellationToken);
    }
}
