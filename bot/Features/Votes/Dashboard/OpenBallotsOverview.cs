using BepBot.Chat;
using BepBot.Chat.Dashboard;
using BepBot.Platform.Overview;
using Microsoft.Extensions.Localization;

namespace BepBot.Features.Votes.Dashboard;

/// <summary>« Vue d'ensemble »: the open ballots, each with its participation and a link to follow it.</summary>
public sealed class OpenBallotsOverview(VotesBoard board, IStringLocalizer<VotesTexts> texts) : IOverviewSection
{
    public int Order => 20;

    public async Task<IReadOnlyList<DashboardBlock>> DescribeAsync(ChatUser viewer, CancellationToken cancellationToken) =>
        [await board.TableAsync(texts["Section_Title"], texts["Board_NoOpenBallot"], ballot => ballot.State == BallotState.Open, grouped: false, cancellationToken)];
}
