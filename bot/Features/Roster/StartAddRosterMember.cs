using BepBot.Chat;
using BepBot.Chat.Flows;

namespace BepBot.Features.Roster;

/// <summary>`ajouter un membre` and the "Ajouter un membre" button of the roster card.</summary>
public sealed class StartAddRosterMember(FlowRunner flows) : ICommandHandler, ICardActionHandler
{
    public Task<Reply> HandleAsync(ChatTurn turn, string arguments, CancellationToken cancellationToken) =>
        flows.StartAsync(turn, AddRosterMemberFlow.FlowId, cancellationToken);

    public Task<Reply> HandleAsync(ChatTurn turn, System.Text.Json.JsonElement data, CancellationToken cancellationToken) =>
        flows.StartAsync(turn, AddRosterMemberFlow.FlowId, cancellationToken);
}
