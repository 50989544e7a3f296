using System.Text.Json;
using BepBot.Cards;
using BepBot.Chat;
using Microsoft.Extensions.Localization;

namespace BepBot.Features.Votes;

/// <summary>`votes.exportaudit`: the audit log as CSV, sealed first, with each entry's hash so that anyone can recompute the chain.</summary>
public sealed class ExportAudit(BallotStore ballots, BallotExports exports, ExportHandout handout, LinkValidity validity, IStringLocalizer<VotesTexts> texts) : ICardActionHandler
{
    public const string Verb = "votes.exportaudit";

    public async Task<Reply> HandleAsync(ChatTurn turn, JsonElement data, CancellationToken cancellationToken)
    {
        var ballot = await ballots.GetAsync(CardData.Read<BallotIdData>(data).BallotId, cancellationToken);
        if (ballot is null)
        {
            return Reply.WithText(texts["Vote_UnknownBallot"]);
        }

        return await handout.ReplyAsync(
            turn,
            [await exports.AuditAsync(ballot, cancellationToken)],
            links => texts["Export_AuditReady", CardText.EscapeMarkdown(BallotCards.Brief(ballot.Question)), links[0].Url, validity.Of(links[0])],
            Verb,
            new BallotIdData(ballot.Id),
            cancellationToken);
    }
}
