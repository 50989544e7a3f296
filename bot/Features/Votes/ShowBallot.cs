using System.Text.Json;
using BepBot.Chat;
using Microsoft.Extensions.Localization;

namespace BepBot.Features.Votes;

/// <summary>`votes.show`: the ballot card again, for one of the user's ballots.</summary>
public sealed class ShowBallot(BallotStore ballots, BallotCards cards, IStringLocalizer<VotesTexts> texts) : ICardActionHandler
{
    public async Task<Reply> HandleAsync(ChatTurn turn, JsonElement data, CancellationToken cancellationToken)
    {
        var ballot = await ballots.GetAsync(CardData.Read<BallotIdData>(data).BallotId, cancellationToken);
        if (ballot is null || turn.User.Member is null)
        {
            return Reply.WithText(texts["Vote_UnknownBallot"]);
        }

        if (ballot.Result is not null)
        {
            return Reply.WithCard(await cards.ResultAsync(ballot, turn.User.Role == Role.BepStaff, turn.Culture, cancellationToken), ballot.Question);
        }

        return Reply.WithCard(await cards.ForVoterAsync(ballot, turn.User.Member, turn.Culture, cancellationToken), ballot.Question);
    }
}
