using System.Text.Json;
using BepBot.Cards;
using BepBot.Chat;
using Microsoft.Extensions.Localization;

namespace BepBot.Features.Votes;

/// <summary>`votes.export`: the result as CSV (per choice, and per commune for an open ballot), once closed; made again at each click.</summary>
public sealed class ExportResults(BallotStore ballots, BallotExports exports, ExportHandout handout, LinkValidity validity, IStringLocalizer<VotesTexts> texts) : ICardActionHandler
{
    public const string Verb = "votes.export";

    public async Task<Reply> HandleAsync(ChatTurn turn, JsonElement data, CancellationToken cancellationToken)
    {
        var ballot = await ballots.GetAsync(CardData.Read<BallotIdData>(data).BallotId, cancellationToken);
        if (ballot is null)
        {
            return Reply.WithText(texts["Vote_UnknownBallot"]);
        }

        if (await exports.ResultsAsync(ballot, cancellationToken) is not { } file)
        {
            return Reply.WithText(texts["Export_NotClosed"]);
        }

        return await handout.ReplyAsync(
            turn,
            [file],
            links => texts["Export_Ready", CardText.EscapeMarkdown(BallotCards.Brief(ballot.Question)), links[0].Url, validity.Of(links[0])],
            Verb,
            new BallotIdData(ballot.Id),
            cancellationToken);
    }
}
