using BepBot.Chat;
using BepBot.Chat.Flows;

namespace BepBot.Features.Votes;

/// <summary>`nouveau vote` and the list's button.</summary>
public sealed class StartNewBallot(FlowRunner flows) : ICommandHandler, ICardActionHandler
{
    public Task<Reply> HandleAsync(ChatTurn turn, string arguments, CancellationToken cancellationToken) =>
        flows.StartAsync(turn, NewBallotFlow.FlowId, cancellationToken);

    public Task<Reply> HandleAsync(ChatTurn turn, System.Text.Json.JsonElement data, CancellationToken cancellationToken) =>
        flows.StartAsync(turn, NewBallotFlow.FlowId, cancellationToken);
}
