using System.Text.Json;

namespace BepBot.Chat.Flows;

/// <summary>`flows.cancel`: the Annuler button on a prompt card.</summary>
public sealed class CancelFlowFromCard(FlowRunner flows) : ICardActionHandler
{
    public Task<Reply> HandleAsync(ChatTurn turn, JsonElement data, CancellationToken cancellationToken)
    {
        var cancel = CardData.Read<FlowCancelData>(data);
        return Task.FromResult(turn.Flows.Current?.FlowId == cancel.Flow ? flows.Cancel(turn) : flows.NothingToCancel());
    }
}
