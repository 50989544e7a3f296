using System.Text.Json;
using BepBot.Cards;
using BepBot.Chat;
using BepBot.Infrastructure.Exports;
using Microsoft.Extensions.Localization;

namespace BepBot.Features.Votes;

/// <summary>`votes.export`: the result as CSV (per choice, and per commune for an open ballot), once closed.</summary>
public sealed class ExportResults(BallotStore ballots, BallotCards cards, ExportStore exports, IStringLocalizer<VotesTexts> texts) : ICardActionHandler
{
    public async Task<Reply> HandleAsync(ChatTurn turn, JsonElement data, CancellationToken cancellationToken)
    {
        var ballot = await ballots.GetAsync(CardData.Read<BallotIdData>(data).BallotId, cancellationToken);
        if (ballot is null)
        {
            return Reply.WithText(texts["Vote_UnknownBallot"]);
        }

        if (ballot.Result is null)
        {
            return Reply.WithText(texts["Export_NotClosed"]);
        }

        var votes = ballot.Secret ? [] : await ballots.ListVotesAsync(ballot.Id, cancellationToken);
        var csv = VotesCsv.Results(ballot, votes, cards.OutcomeText(ballot, ballot.Result));
        var link = await exports.SaveAsync($"vote-{ballot.Id}.csv", "text/csv; charset=utf-8", csv, cancellationToken);
        return Reply.WithText(texts["Export_Ready", CardText.EscapeMarkdown(BallotCards.Brief(ballot.Question)), link]);
    }
}
