using System.Text.Json;

namespace BepBot.Chat.Flows;

/// <summary>`flows.leave`: « Annuler et ouvrir … », after a command was typed in the middle of a flow.</summary>
public sealed class LeaveFlow(FlowRunner flows, ChatRouter router) : ICardActionHandler
{
    public async Task<Reply> HandleAsync(ChatTurn turn, JsonElement data, CancellationToken cancellationToken)
    {
        var leave = CardData.Read<FlowLeaveData>(data);
        if (flows.Leave(turn, leave.Flow, leave.Step) is not { } left)
        {
            return flows.StaleCard();
        }

        return left.Then(await router.HandleMessageAsync(turn.WithText(leave.Command), cancellationToken));
    }
}
