using BepBot.Chat;
using BepBot.Chat.Flows;

namespace BepBot.Features.Votes;

/// <summary>`nouveau vote`.</summary>
public sealed class StartNewBallot(FlowRunner flows) : ICommandHandler
{
    public Task<Reply> HandleAsync(ChatTurn turn, string arguments, CancellationToken cancellationToken) =>
        flows.StartAsync(turn, NewBallotFlow.FlowId, cancellationToken);
}
