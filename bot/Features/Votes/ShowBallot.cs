using System.Text.Json;
using BepBot.Chat;
using Microsoft.Extensions.Localization;

namespace BepBot.Features.Votes;

/// <summary>`votes.show`: the ballot card again, for one of the user's ballots.</summary>
public sealed class ShowBallot(BallotStore ballots, CurrentBallotCard card, IStringLocalizer<VotesTexts> texts) : ICardActionHandler
{
    public async Task<Reply> HandleAsync(ChatTurn turn, JsonElement data, CancellationToken cancellationToken)
    {
        var ballot = await ballots.GetAsync(CardData.Read<BallotIdData>(data).BallotId, cancellationToken);
        if (ballot is null || turn.User.Member is null)
        {
            return Reply.WithText(texts["Vote_UnknownBallot"]);
        }

        return Reply.WithCard(await card.RenderAsync(ballot, turn.User.Member, turn.Culture, cancellationToken), ballot.Question);
    }
}
