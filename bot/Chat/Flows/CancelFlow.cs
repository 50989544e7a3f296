namespace BepBot.Chat.Flows;

/// <summary>`annuler` / `cancel`: leaves the current flow at any step.</summary>
public sealed class CancelFlow(FlowRunner flows) : ICommandHandler
{
    public Task<Reply> HandleAsync(ChatTurn turn, string arguments, CancellationToken cancellationToken) =>
        Task.FromResult(flows.Cancel(turn));
}
