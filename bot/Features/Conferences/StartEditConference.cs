using System.Text.Json;
using BepBot.Chat;
using BepBot.Chat.Flows;

namespace BepBot.Features.Conferences;

public sealed class StartEditConference(ConferenceAccess access, FlowRunner flows, TimeProvider clock) : ICardActionHandler
{
    public async Task<Reply> HandleAsync(ChatTurn turn, JsonElement data, CancellationToken cancellationToken)
    {
        var request = CardData.Read<SessionRef>(data);
        var (session, refusal) = await access.FindAsync(turn, request.SessionId, cancellationToken);
        if (session is null)
        {
            return refusal!;
        }

        return session.State == ConferenceState.Cancelled || session.IsPast(clock.GetUtcNow())
            ? access.Refuse(turn, session.Id, "Error_SessionClosed")
            : await SessionFlows.StartAsync(flows, turn, EditConferenceFlow.FlowId, session.Id, cancellationToken);
    }
}
