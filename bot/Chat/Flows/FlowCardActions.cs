using System.Text.Json;

namespace BepBot.Chat.Flows;

public sealed record FlowAnswerData(string Flow, string Step, string? Value);

public sealed record FlowCancelData(string Flow);

/// <summary>`flows.answer`: a button or a text box on a flow's prompt card.</summary>
public sealed class AnswerFlowStep(FlowRunner flows) : ICardActionHandler
{
    public Task<Reply> HandleAsync(ChatTurn turn, JsonElement data, CancellationToken cancellationToken)
    {
        var answer = CardData.Read<FlowAnswerData>(data);
        return flows.AnswerFromCardAsync(turn, answer.Flow, answer.Step, answer.Value, cancellationToken);
    }
}

/// <summary>`flows.cancel`: the Annuler button on a prompt card.</summary>
public sealed class CancelFlowFromCard(FlowRunner flows) : ICardActionHandler
{
    public Task<Reply> HandleAsync(ChatTurn turn, JsonElement data, CancellationToken cancellationToken)
    {
        var cancel = CardData.Read<FlowCancelData>(data);
        return Task.FromResult(turn.Flows.Current?.FlowId == cancel.Flow ? flows.Cancel(turn) : flows.NothingToCancel());
    }
}

/// <summary>`annuler` / `cancel`: leaves the current flow at any step.</summary>
public sealed class CancelFlow(FlowRunner flows) : ICommandHandler
{
    public Task<Reply> HandleAsync(ChatTurn turn, string arguments, CancellationToken cancellationToken) =>
        Task.FromResult(flows.Cancel(turn));
}
