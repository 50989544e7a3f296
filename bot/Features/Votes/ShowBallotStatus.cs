using System.Text.Json;
using BepBot.Chat;
using Microsoft.Extensions.Localization;

namespace BepBot.Features.Votes;

/// <summary>`votes.status`: staff follow a ballot (participation, live results if chosen, who has not voted).</summary>
public sealed class ShowBallotStatus(BallotStore ballots, BallotCards cards, IStringLocalizer<VotesTexts> texts) : ICardActionHandler
{
    public async Task<Reply> HandleAsync(ChatTurn turn, JsonElement data, CancellationToken cancellationToken)
    {
        var ballot = await ballots.GetAsync(CardData.Read<BallotIdData>(data).BallotId, cancellationToken);
        if (ballot is null)
        {
            return Reply.WithText(texts["Vote_UnknownBallot"]);
        }

        return ballot.Result is not null
            ? Reply.WithCard(await cards.ResultAsync(ballot, forStaff: true, turn.Culture, cancellationToken), ballot.Question)
            : Reply.WithCard(await cards.StatusAsync(ballot, turn.Culture, cancellationToken), ballot.Question);
    }
}
