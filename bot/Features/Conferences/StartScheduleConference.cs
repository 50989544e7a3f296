using BepBot.Chat;
using BepBot.Chat.Flows;

namespace BepBot.Features.Conferences;

/// <summary>`planifier une conférence` and the list card's button.</summary>
public sealed class StartScheduleConference(FlowRunner flows) : ICommandHandler, ICardActionHandler
{
    public Task<Reply> HandleAsync(ChatTurn turn, string arguments, CancellationToken cancellationToken) =>
        flows.StartAsync(turn, ScheduleConferenceFlow.FlowId, cancellationToken);

    public Task<Reply> HandleAsync(ChatTurn turn, System.Text.Json.JsonElement data, CancellationToken cancellationToken) =>
        flows.StartAsync(turn, ScheduleConferenceFlow.FlowId, cancellationToken);
}
