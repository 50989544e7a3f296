using BepBot.Chat;
using BepBot.Chat.Flows;

namespace BepBot.Features.Labs;

/// <summary>`nouveau séminaire`.</summary>
public sealed class StartCreateLab(FlowRunner flows) : ICommandHandler
{
    public Task<Reply> HandleAsync(ChatTurn turn, string arguments, CancellationToken cancellationToken) =>
        flows.StartAsync(turn, CreateLabFlow.FlowId, cancellationToken);
}
