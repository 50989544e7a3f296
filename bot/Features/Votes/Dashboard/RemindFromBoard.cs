using System.Globalization;
using System.Text.Json;
using BepBot.Chat;
using BepBot.Chat.Dashboard;
using Microsoft.Extensions.Localization;

namespace BepBot.Features.Votes.Dashboard;

/// <summary>
/// « Relancer » in the tab: the ballot's reminder, through the same path as the chat's (<see cref="BallotLifecycle.RemindAsync"/>),
/// to one commune that has not voted or to all of them.
/// </summary>
public sealed class RemindFromBoard(BallotStore ballots, BallotLifecycle lifecycle, TimeProvider clock, IStringLocalizer<VotesTexts> texts) : IDashboardAction
{
    public const string Verb = "votes.remind";

    string IDashboardAction.Verb => Verb;

    public bool IsAllowed(ChatUser user) => user.Role == Role.BepStaff;

    public async Task<DashboardActionResult> RunAsync(DashboardRequest request, JsonElement data, CancellationToken cancellationToken)
    {
        var asked = CardData.Read<BoardRemindData>(data);
        var ballot = await ballots.GetAsync(asked.BallotId, cancellationToken);
        if (ballot is null)
        {
            return DashboardActionResult.Refused(texts["Vote_UnknownBallot"]);
        }

        if (ballot.State != BallotState.Open)
        {
            return DashboardActionResult.Refused(texts["Board_RemindNotOpen"]);
        }

        var stamp = clock.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        string broadcastId;
        if (asked.Commune is { } commune)
        {
            var index = ballot.Communes.ToList().IndexOf(commune);
            if (index < 0)
            {
                return DashboardActionResult.Refused(texts["Vote_NotInScope"]);
            }

            if (await ballots.HasVotedAsync(ballot, commune, cancellationToken))
            {
                return DashboardActionResult.Refused(texts["Board_RemindAlreadyVoted", commune]);
            }

            broadcastId = $"vm{ballot.Id}c{index.ToString(CultureInfo.InvariantCulture)}t{stamp}";
        }
        else
        {
            broadcastId = "vm" + ballot.Id + stamp;
        }

        var count = await lifecycle.RemindAsync(ballot.Id, broadcastId, asked.Commune, cancellationToken);
        return count == 0
            ? DashboardActionResult.Refused(texts["Board_RemindNobody"])
            : new DashboardActionResult(true, texts["Remind_Sent", count]);
    }
}
