using System.Text.Json;
using BepBot.Chat;
using Microsoft.Extensions.Localization;

namespace BepBot.Features.Votes;

/// <summary>
/// `votes.show` and the ballot card's refresh: the ballot as it stands now for this person (their communes' votes
/// while it is open, the result once published). A bourgmestre sees only the ballots their commune takes part in,
/// so a forged id shows nothing of another bassin's ballot.
/// </summary>
public sealed class ShowBallot(BallotStore ballots, CurrentBallotCard card, VoterRights rights, IStringLocalizer<VotesTexts> texts) : ICardActionHandler
{
    public async Task<Reply> HandleAsync(ChatTurn turn, JsonElement data, CancellationToken cancellationToken)
    {
        var ballot = await ballots.GetAsync(CardData.Read<BallotIdData>(data, turn.CardInputs).BallotId, cancellationToken);
        if (ballot is null || turn.User.Member is not { } member)
        {
            return Reply.WithText(texts["Vote_NotShown"]);
        }

        var standing = await rights.StandingAsync(ballot, member, cancellationToken);
        if (turn.User.Role != Role.BepStaff && standing.Seats.Count == 0 && standing.GivenAway is null)
        {
            return Reply.WithText(texts["Vote_NotShown"]);
        }

        return Reply.WithCard(await card.RenderAsync(ballot, member, standing, turn.Culture, cancellationToken), ballot.Question);
    }
}
