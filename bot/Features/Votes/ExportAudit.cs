using System.Text.Json;
using BepBot.Cards;
using BepBot.Chat;
using BepBot.Infrastructure.Exports;
using Microsoft.Extensions.Localization;

namespace BepBot.Features.Votes;

/// <summary>`votes.exportaudit`: the audit log as CSV, sealed first, with each entry's hash so that anyone can recompute the chain.</summary>
public sealed class ExportAudit(BallotStore ballots, AuditLog audit, ExportHandout handout, LinkValidity validity, IStringLocalizer<VotesTexts> texts) : ICardActionHandler
{
    public const string Verb = "votes.exportaudit";

    public async Task<Reply> HandleAsync(ChatTurn turn, JsonElement data, CancellationToken cancellationToken)
    {
        var ballot = await ballots.GetAsync(CardData.Read<BallotIdData>(data).BallotId, cancellationToken);
        if (ballot is null)
        {
            return Reply.WithText(texts["Vote_UnknownBallot"]);
        }

        await audit.SealAsync(ballot.Id, wait: true, cancellationToken);
        var csv = VotesCsv.Audit(await audit.EntriesAsync(ballot.Id, cancellationToken));
        // Who did what, and for a secret ballot who voted: a person's data.
        return await handout.ReplyAsync(
            turn,
            [new ExportedFile(ExportContent.PersonalData, $"vote-{ballot.Id}-journal.csv", ExportTable.CsvContentType, csv)],
            links => texts["Export_AuditReady", CardText.EscapeMarkdown(BallotCards.Brief(ballot.Question)), links[0].Url, validity.Of(links[0])],
            Verb,
            new BallotIdData(ballot.Id),
            cancellationToken);
    }
}
