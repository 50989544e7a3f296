using System.Text.Json;
using BepBot.Cards;
using BepBot.Chat;
using BepBot.Infrastructure.Exports;
using Microsoft.Extensions.Localization;

namespace BepBot.Features.Votes;

/// <summary>`votes.export`: the result as CSV (per choice, and per commune for an open ballot), once closed; made again at each click.</summary>
public sealed class ExportResults(BallotStore ballots, BallotCards cards, ExportHandout handout, LinkValidity validity, IStringLocalizer<VotesTexts> texts) : ICardActionHandler
{
    public const string Verb = "votes.export";

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
        var csv = VotesCsv.Results(ballot, votes, cards.OutcomeText(ballot, ballot.Result), texts);
        // An open ballot's results say how each commune's bourgmestre voted; a secret ballot's only count.
        var content = ballot.Secret ? ExportContent.NoPersonalData : ExportContent.PersonalData;
        return await handout.ReplyAsync(
            turn,
            [new ExportedFile(content, $"vote-{ballot.Id}.csv", ExportTable.CsvContentType, csv)],
            links => texts["Export_Ready", CardText.EscapeMarkdown(BallotCards.Brief(ballot.Question)), links[0].Url, validity.Of(links[0])],
            Verb,
            new BallotIdData(ballot.Id),
            cancellationToken);
    }
}
