using System.Globalization;
using System.Text.Json;
using BepBot.Cards;
using BepBot.Chat;
using BepBot.Platform.Delivery;
using BepBot.Platform.Procurations;
using Microsoft.Extensions.Localization;

namespace BepBot.Features.Votes;

public sealed record GiveProxyData(string BallotId, string? Holder = null, string? Scope = null);

/// <summary>Checks shared by the procuration actions: an open ballot, and a bourgmestre whose commune is in scope and has not voted.</summary>
public sealed class ProxyGate(BallotStore ballots, IStringLocalizer<VotesTexts> texts)
{
    public async Task<(Ballot? Ballot, string? Refusal)> CheckAsync(ChatTurn turn, string ballotId, CancellationToken cancellationToken)
    {
        var ballot = await ballots.GetAsync(ballotId, cancellationToken);
        if (ballot is null)
        {
            return (null, texts["Vote_UnknownBallot"]);
        }

        if (ballot.State == BallotState.Closed)
        {
            return (null, texts["Vote_Closed"]);
        }

        if (turn.User.Member is not { Role: Role.Bourgmestre } member || !ballot.InScope(member.Commune))
        {
            return (null, texts["Vote_NotInScope"]);
        }

        return (ballot, null);
    }
}

/// <summary>`votes.proxy`: the card to choose who will vote for the commune.</summary>
public sealed class AskProcuration(ProxyGate gate, BallotStore ballots, VoterRights rights, IMemberDirectory roster, BallotCards cards, IStringLocalizer<VotesTexts> texts) : ICardActionHandler
{
    public async Task<Reply> HandleAsync(ChatTurn turn, JsonElement data, CancellationToken cancellationToken)
    {
        var (ballot, refusal) = await gate.CheckAsync(turn, CardData.Read<BallotIdData>(data).BallotId, cancellationToken);
        if (ballot is null)
        {
            return Reply.WithText(refusal!);
        }

        var commune = turn.User.Commune!;
        if (await rights.GivenByAsync(ballot, commune, cancellationToken) is { } given)
        {
            return Reply.WithText(texts["Proxy_AlreadyGiven", CardText.EscapeMarkdown(given.HolderName)]);
        }

        if (await ballots.HasVotedAsync(ballot, commune, cancellationToken))
        {
            return Reply.WithText(texts["Proxy_AlreadyVoted", commune]);
        }

        var holders = (await roster.ListAsync(cancellationToken))
            .Where(member => member.Role == Role.Bourgmestre && member.Commune != commune && ballot.InScope(member.Commune))
            .OrderBy(member => member.Name, StringComparer.Create(CultureInfo.GetCultureInfo("fr-BE"), ignoreCase: true))
            .ToList();
        return Reply.WithCard(cards.Proxy(ballot, commune, holders, turn.Culture), texts["Proxy_Heading"]);
    }
}

/// <summary>`votes.giveproxy`: records the procuration (one per commune, one per holder) and sends the holder the card with both communes.</summary>
public sealed partial class GiveProcuration(
    ProxyGate gate,
    BallotStore ballots,
    VoterRights rights,
    ProcurationBook procurations,
    IMemberDirectory roster,
    AuditLog audit,
    Broadcaster broadcaster,
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
        await audit.RecordAsync(ballot.Id, new AuditEvent("procuration-given", now, giver.Name, giver.Commune, holder.Name + (scope == ProcurationScope.Session ? " (séance)" : string.Empty)), cancellationToken);
        LogGiven(logger, ballot.Id, giver.Commune!, scope.Value);
        if (ballot.State == BallotState.Open)
        {
            await broadcaster.StartAsync(
                new BroadcastRequest(ballot.Question, string.Empty, new Audience(AudienceKind.Members, Members: [holder.AadObjectId]), giver.AadObjectId, giver.Name, new BroadcastContent(BallotCardContent.ContentKind, ballot.Id), Id: "vp" + ballot.Id + now.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture)),
                cancellationToken);
        }

        var message = texts["Proxy_Given", CardText.EscapeMarkdown(holder.Name), giver.Commune!].Value;
        return Reply.UpdatingCard(cards.Confirmation(texts["Proxy_GivenTitle"], message)).Then(Reply.WithText(message));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Ballot {BallotId}: procuration from {User} refused ({Reason}); nothing written")]
    private static partial void LogRefused(ILogger logger, string ballotId, string user, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Ballot {BallotId}: {Commune} gave its procuration ({Scope})")]
    private static partial void LogGiven(ILogger logger, string ballotId, string commune, ProcurationScope scope);
}

/// <summary>`votes.withdrawproxy`: the giver takes the vote back, as long as the holder has not used it.</summary>
public sealed partial class WithdrawProcuration(ProxyGate gate, ProcurationBook procurations, AuditLog audit, TimeProvider clock, IStringLocalizer<VotesTexts> texts, ILogger<WithdrawProcuration> logger) : ICardActionHandler
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

        await audit.RecordAsync(ballot.Id, new AuditEvent("procuration-withdrawn", clock.GetUtcNow(), turn.User.Name, commune, given.HolderName), cancellationToken);
        return Reply.WithText(texts["Proxy_Withdrawn", commune]);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Ballot {BallotId}: withdrawal by {User} refused, the procuration was already used; nothing written")]
    private static partial void LogTooLate(ILogger logger, string ballotId, string user);
}
