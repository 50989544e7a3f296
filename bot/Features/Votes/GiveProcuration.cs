using System.Globalization;
using System.Text.Json;
using BepBot.Cards;
using BepBot.Chat;
using BepBot.Infrastructure.Telemetry;
using BepBot.Infrastructure.Text;
using BepBot.Infrastructure.Time;
using BepBot.Platform.Delivery;
using BepBot.Platform.Procurations;
using Microsoft.Extensions.Localization;

namespace BepBot.Features.Votes;

/// <summary>`votes.giveproxy`: records the procuration (one per commune, one per holder) and sends the holder the card with both communes.</summary>
public sealed partial class GiveProcuration(
    ProxyGate gate,
    BallotStore ballots,
    VoterRights rights,
    ProcurationBook procurations,
    IMemberDirectory roster,
    AuditLog audit,
    Broadcaster broadcaster,
    CardUpdates cardUpdates,
    BallotCards cards,
    TimeProvider clock,
    IStringLocalizer<VotesTexts> texts,
    ILogger<GiveProcuration> logger) : ICardActionHandler
{
    public async Task<Reply> HandleAsync(ChatTurn turn, JsonElement data, CancellationToken cancellationToken)
    {
        var form = CardData.Read<GiveProxyData>(data);
        var (ballot, refusal) = await gate.CheckAsync(turn, form.BallotId, cancellationToken);
        if (ballot is null)
        {
            return Reply.WithText(refusal!);
        }

        var giver = turn.User.Member!;
        var holder = await roster.FindAsync(form.Holder, cancellationToken);
        var scope = form.Scope switch
        {
            null or "ballot" => ProcurationScope.Ballot,
            "session" when ballot.SessionId is not null => ProcurationScope.Session,
            _ => (ProcurationScope?)null,
        };
        if (holder is not { Role: Role.Bourgmestre } || !ballot.InScope(holder.Commune) || holder.Commune == giver.Commune || scope is null)
        {
            LogRefused(logger, ballot.Id, giver.AadObjectId, "holder");
            return Reply.WithText(texts["Proxy_BadHolder"]);
        }

        if (await ballots.HasVotedAsync(ballot, giver.Commune!, cancellationToken))
        {
            return Reply.WithText(texts["Proxy_AlreadyVoted", giver.Commune!]);
        }

        // The other scope too: a ballot-wide and a session-wide procuration must not add up to two.
        if (await rights.GivenByAsync(ballot, giver.Commune!, cancellationToken) is { } given)
        {
            return Reply.WithText(texts["Proxy_AlreadyGiven", CardText.EscapeMarkdown(given.HolderName)]);
        }

        if (await rights.HeldByAsync(ballot, holder.AadObjectId, cancellationToken) is not null)
        {
            return Reply.WithText(texts["Proxy_HolderTaken", CardText.EscapeMarkdown(holder.Name)]);
        }

        var scopeId = scope == ProcurationScope.Session ? ballot.SessionId! : ballot.Id;
        var (outcome, _) = await procurations.GiveAsync(scope.Value, scopeId, giver, holder, cancellationToken);
        switch (outcome)
        {
            case ProcurationOutcome.Given:
                break;
            case ProcurationOutcome.AlreadyGivenToThisHolder:
                return Reply.WithText(texts["Proxy_AlreadyGiven", CardText.EscapeMarkdown(holder.Name)]);
            case ProcurationOutcome.HolderAlreadyCarriesOne:
                return Reply.WithText(texts["Proxy_HolderTaken", CardText.EscapeMarkdown(holder.Name)]);
            case ProcurationOutcome.CommuneAlreadyGaveOne:
                return Reply.WithText(texts["Proxy_AlreadyGivenSomeone"]);
            default:
                return Reply.WithText(texts["Proxy_BadHolder"]);
        }

        var now = clock.GetUtcNow();
        await audit.RecordAsync(ballot.Id, new AuditEvent("procuration-given", now, giver.Name, giver.Commune, AuditDetail(holder, scope.Value)), cancellationToken);
        LogGiven(logger, ballot.Id, giver.Commune!, scope.Value);
        if (ballot.State == BallotState.Open)
        {
            await broadcaster.StartAsync(
                new BroadcastRequest(ballot.Question, string.Empty, new Audience(AudienceKind.Members, Members: [holder.AadObjectId]), giver.AadObjectId, giver.Name, new BroadcastContent(BallotCardContent.ContentKind, ballot.Id), Id: "vp" + ballot.Id + now.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture)),
                cancellationToken);
            // The giver's card now says to whom the vote went; the holder's own card shows both communes.
            await cardUpdates.StartAsync(
                new CardUpdateRequest(CurrentBallotCard.SubjectOf(ballot.Id), ballot.Question, $"ballot-proxy:{ballot.Id}:{giver.Commune}:given:{now.ToUnixTimeMilliseconds()}", OnlyRecipients: [giver.AadObjectId, holder.AadObjectId]),
                cancellationToken);
        }

        var message = texts[scope == ProcurationScope.Session ? "Proxy_GivenForSession" : "Proxy_Given", CardText.EscapeMarkdown(holder.Name), giver.Commune!].Value;
        return Reply.UpdatingCard(cards.ProxyGiven(ballot, message, canWithdraw: scope == ProcurationScope.Ballot));
    }

    // The audit is the ballot's record: worded in French whoever reads it.
    private string AuditDetail(Member holder, ProcurationScope scope)
    {
        using var french = CultureScope.Use(BelgianTime.French);
        return scope == ProcurationScope.Session ? texts["Audit_ForTheSession", holder.Name] : holder.Name;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Ballot {BallotId}: procuration from {User} refused ({Reason}); nothing written")]
    private static partial void LogRefused(ILogger logger, string ballotId, [PseudonymousId] string user, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Ballot {BallotId}: {Commune} gave its procuration ({Scope})")]
    private static partial void LogGiven(ILogger logger, string ballotId, string commune, ProcurationScope scope);
}
