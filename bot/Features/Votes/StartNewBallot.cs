using System.Globalization;
using System.Text.RegularExpressions;
using BepBot.Cards;
using BepBot.Chat;
using BepBot.Chat.Flows;
using BepBot.Infrastructure.Text;
using BepBot.Infrastructure.Time;
using BepBot.Platform.Sessions;
using BepBot.Platform.Territory;
using Microsoft.Extensions.Localization;

namespace BepBot.Features.Votes;

/// <summary>`nouveau vote`.</summary>
public sealed class StartNewBallot(FlowRunner flows) : ICommandHandler
{
    public Task<Reply> HandleAsync(ChatTurn turn, string arguments, CancellationToken cancellationToken) =>
        flows.StartAsync(turn, NewBallotFlow.FlowId, cancellationToken);
}
