using BepBot.Chat;
using BepBot.Chat.Flows;

namespace BepBot.Features.Labs;

/// <summary>`nouveau séminaire` and the catalogue's button.</summary>
public sealed class StartCreateLab(FlowRunner flows) : ICommandHandler, ICardActionHandler
{
    public Task<Reply> HandleAsync(ChatTurn turn, string arguments, CancellationToken cancellationToken) =>
        flows.StartAsync(turn, CreateLabFlow.FlowId, cancellationToken);

    public Task<Reply> HandleAsync(ChatTurn turn, System.Text.Json.JsonElement data, CancellationToken cancellationToken) =>
        flows.StartAsync(turn, CreateLabFlow.FlowId, cancellationToken);
}
