using System.Text.Json;
using BepBot.Cards;
using BepBot.Chat;
using BepBot.Infrastructure.Telemetry;
using BepBot.Platform.Delivery;
using BepBot.Platform.Procurations;
using Microsoft.Extensions.Localization;

namespace BepBot.Features.Votes;

/// <summary>
/// `votes.withdrawproxy` (the ballot card's button and the procuration's confirmation): the giver takes the vote back,
/// as long as the holder has not used it; the clicked card becomes the ballot card, on which they may vote again.
/// </summary>
public sealed partial class WithdrawProcuration(ProxyGate gate, ProcurationBook procurations, AuditLog audit, CardUpdates cardUpdates, CurrentBallotCard current, TimeProvider clock, IStringLocalizer<VotesTexts> texts, ILogger<WithdrawProcuration> logger) : ICardActionHandler
{
    public async Task<Reply> HandleAsync(ChatTurn turn, JsonElement data, CancellationToken cancellationToken)
    {
        var (ballot, refusal) = await gate.CheckAsync(turn, CardData.Read<BallotIdData>(data).BallotId, cancellationToken);
        if (ballot is null)
        {
            return Reply.WithText(refusal!);
        }

        var commune = turn.User.Commune!;
        var given = await procurations.GivenByAsync(ProcurationScope.Ballot, ballot.Id, commune, cancellationToken);
        if (given is null)
        {
            return Reply.WithText(texts["Proxy_NoneToWithdraw"]);
        }

        if (!await procurations.WithdrawAsync(ProcurationScope.Ballot, ballot.Id, commune, cancellationToken))
        {
            LogTooLate(logger, ballot.Id, turn.User.AadObjectId);
            return Reply.WithText(texts["Proxy_AlreadyUsed", CardText.EscapeMarkdown(given.HolderName)]);
        }

        var now = clock.GetUtcNow();
        await audit.RecordAsync(ballot.Id, new AuditEvent("procuration-withdrawn", now, turn.User.Name, commune, given.HolderName), cancellationToken);
        await cardUpdates.StartAsync(
            new CardUpdateRequest(CurrentBallotCard.SubjectOf(ballot.Id), ballot.Question, $"ballot-proxy:{ballot.Id}:{commune}:withdrawn:{now.ToUnixTimeMilliseconds()}", OnlyRecipients: [turn.User.AadObjectId, given.HolderAadObjectId]),
            cancellationToken);
        var ballotCard = await current.RenderAsync(ballot, turn.User.Member!, turn.Culture, cancellationToken);
        return Reply.UpdatingCard(ballotCard).Then(Reply.WithText(texts["Proxy_Withdrawn", commune]));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Ballot {BallotId}: withdrawal by {User} refused, the procuration was already used; nothing written")]
    private static partial void LogTooLate(ILogger logger, string ballotId, [PseudonymousId] string user);
}
