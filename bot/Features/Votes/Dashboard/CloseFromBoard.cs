using System.Text.Json;
using BepBot.Chat;
using BepBot.Chat.Dashboard;
using Microsoft.Extensions.Localization;

namespace BepBot.Features.Votes.Dashboard;

/// <summary>« Clôturer maintenant » in the tab: the same close as the chat's staff card (<see cref="BallotLifecycle.CloseAsync"/>).</summary>
public sealed class CloseFromBoard(BallotLifecycle lifecycle, IStringLocalizer<VotesTexts> texts) : IDashboardAction
{
    public const string Verb = "votes.close";

    string IDashboardAction.Verb => Verb;

    public bool IsAllowed(ChatUser user) => user.Role == Role.BepStaff;

    public async Task<DashboardActionResult> RunAsync(DashboardRequest request, JsonElement data, CancellationToken cancellationToken)
    {
        var (ballot, closed) = await lifecycle.CloseAsync(CardData.Read<BallotIdData>(data).BallotId, request.User.Name, request.User, cancellationToken);
        if (ballot is null)
        {
            return DashboardActionResult.Refused(texts["Vote_UnknownBallot"]);
        }

        return closed
            ? new DashboardActionResult(true, texts["Board_Closed"])
            : DashboardActionResult.Refused(texts["Close_AlreadyClosed"]);
    }
}
