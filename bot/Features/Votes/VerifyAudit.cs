using System.Text.Json;
using BepBot.Cards;
using BepBot.Chat;
using Microsoft.Extensions.Localization;

namespace BepBot.Features.Votes;

/// <summary>`vérifier &lt;vote&gt;`: recomputes the audit chain and names the first entry that does not fit.</summary>
public sealed partial class VerifyAudit(BallotStore ballots, AuditLog audit, IStringLocalizer<VotesTexts> texts, ILogger<VerifyAudit> logger) : ICommandHandler, ICardActionHandler
{
    public Task<Reply> HandleAsync(ChatTurn turn, string arguments, CancellationToken cancellationToken) => VerifyAsync(arguments.Trim().ToLowerInvariant(), cancellationToken);

    public Task<Reply> HandleAsync(ChatTurn turn, JsonElement data, CancellationToken cancellationToken) => VerifyAsync(CardData.Read<BallotIdData>(data).BallotId, cancellationToken);

    private async Task<Reply> VerifyAsync(string id, CancellationToken cancellationToken)
    {
        if (id.Length == 0)
        {
            return Reply.WithText(texts["Verify_Usage"]);
        }

        var ballot = await ballots.GetAsync(id, cancellationToken);
        if (ballot is null)
        {
            return Reply.WithText(texts["Vote_UnknownBallot"]);
        }

        var verification = await audit.VerifyAsync(ballot.Id, cancellationToken);
        if (verification.FirstBroken is { } broken)
        {
            LogBroken(logger, ballot.Id, broken, verification.Problem);
            return Reply.WithText(texts["Verify_Broken", CardText.EscapeMarkdown(BallotCards.Brief(ballot.Question)), broken, verification.Entries]);
        }

        return Reply.WithText(texts["Verify_Ok", CardText.EscapeMarkdown(BallotCards.Brief(ballot.Question)), verification.Entries, verification.HeadHash]);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Audit log of ballot {BallotId} broken at entry {Sequence} ({Problem})")]
    private static partial void LogBroken(ILogger logger, string ballotId, int sequence, string? problem);
}
