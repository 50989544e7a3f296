using System.Text.Json;
using BepBot.Chat;
using BepBot.Platform.Territory;
using Microsoft.Extensions.Localization;

namespace BepBot.Features.Votes;

/// <summary>`votes.cast`: one click on a ballot card. The card is updated in place with the vote as recorded.</summary>
public sealed class CastVote(VoteService votes, BallotCards cards, IStringLocalizer<VotesTexts> texts) : ICardActionHandler
{
    public async Task<Reply> HandleAsync(ChatTurn turn, JsonElement data, CancellationToken cancellationToken)
    {
        var vote = CardData.Read<VoteData>(data);
        if (turn.User.Member is null)
        {
            return Reply.WithText(texts["Vote_NotYourCommune"]);
        }

        var choices = vote.Slot switch
        {
            null => vote.Choice is null ? [] : [vote.Choice],
            0 when vote.Choice is null => Split(vote.Choices0),
            1 when vote.Choice is null => Split(vote.Choices1),
            _ => [],
        };
        var outcome = await votes.CastAsync(vote.BallotId, vote.Commune, choices, turn.User.Member, cancellationToken);
        if (!outcome.Counted && outcome.Status != CastStatus.AlreadyVotedSecret)
        {
            return Reply.WithText(cards.Refusal(outcome));
        }

        var card = cards.ForVoter(outcome.Ballot!, outcome.Standing!, turn.Culture);
        var reply = Reply.UpdatingCard(card);
        return outcome.Status switch
        {
            CastStatus.AlreadyVotedSecret => reply.Then(Reply.WithText(texts["Vote_SecretFinal", TerritoryMap.FindCommune(vote.Commune)?.Name ?? vote.Commune])),
            CastStatus.Unchanged => reply.Then(Reply.WithText(texts["Vote_Unchanged"])),
            _ => reply,
        };
    }

    private static List<string> Split(string? values) =>
        [.. (values ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
}
