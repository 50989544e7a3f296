using BepBot.Chat;
using BepBot.Chat.Flows;

namespace BepBot.Features.Conferences;

/// <summary>Flows that work on one session keep its id in their values, set when they start.</summary>
public static class SessionFlows
{
    public const string SessionValue = "session";

    public static async Task<Reply> StartAsync(FlowRunner flows, ChatTurn turn, string flowId, string sessionId, CancellationToken cancellationToken)
    {
        var reply = await flows.StartAsync(turn, flowId, cancellationToken);
        turn.Flows.Current?.Values[SessionValue] = sessionId;
        return reply;
    }
}
