using System.Text.Json;

namespace BepBot.Chat.Flows;

/// <summary>`flows.answer`: a button or a text box on a flow's prompt card.</summary>
public sealed class AnswerFlowStep(FlowRunner flows) : ICardActionHandler
{
    public Task<Reply> HandleAsync(ChatTurn turn, JsonElement data, CancellationToken cancellationToken)
    {
        var answer = CardData.Read<FlowAnswerData>(data);
        return flows.AnswerFromCardAsync(turn, answer.Flow, answer.Step, answer.Value, cancellationToken);
    }
}
