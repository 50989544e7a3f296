using System.Text.Json;

namespace BepBot.Chat.Flows;

/// <summary>`flows.resume`: « Continuer le formulaire », the step it was at, asked again.</summary>
public sealed class ResumeFlow(FlowRunner flows) : ICardActionHandler
{
    public Task<Reply> HandleAsync(ChatTurn turn, JsonElement data, CancellationToken cancellationToken)
    {
        var resume = CardData.Read<FlowStepData>(data);
        return Task.FromResult(flows.Resume(turn, resume.Flow, resume.Step));
    }
}
