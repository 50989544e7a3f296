using System.Text.Json;
using BepBot.Chat;
using Microsoft.Extensions.Localization;

namespace BepBot.Features.Votes;

/// <summary>`votes.close`: staff close a ballot by hand (or call off one not yet open).</summary>
public sealed class CloseBallot(BallotLifecycle lifecycle, BallotCards cards, IStringLocalizer<VotesTexts> texts) : ICardActionHandler
{
    public async Task<Reply> HandleAsync(ChatTurn turn, JsonElement data, CancellationToken cancellationToken)
    {
        var (ballot, closed) = await lifecycle.CloseAsync(CardData.Read<BallotIdData>(data).BallotId, turn.User.Name, turn.User, cancellationToken);
        if (ballot is null)
        {
            return Reply.WithText(texts["Vote_UnknownBallot"]);
        }

        if (!closed)
        {
            return Reply.WithText(texts["Close_AlreadyClosed"]);
        }

        return Reply.UpdatingCard(await cards.ResultAsync(ballot, forStaff: true, turn.Culture, cancellationToken));
    }
}
