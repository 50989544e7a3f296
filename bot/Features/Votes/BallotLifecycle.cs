using System.Globalization;
using BepBot.Chat;
using BepBot.Infrastructure.Scheduling;
using BepBot.Platform.Delivery;
using BepBot.Platform.Procurations;
using Microsoft.Extensions.Options;

namespace BepBot.Features.Votes;

/// <summary>
/// Opens, closes and reminds: each step runs once whoever triggers it (the scheduler on several instances, a staff
/// click), because each is a state change under If-Match that only one caller wins; the broadcasts have stable ids.
/// </summary>
public sealed partial class BallotLifecycle(
    BallotStore ballots,
    BallotSeal seal,
    AuditLog audit,
    IMemberDirectory roster,
    ProcurationBook procurations,
    Broadcaster broadcaster,
    CardUpdates cardUpdates,
    JobBook jobs,
    TimeProvider clock,
    IOptions<VotesOptions> options,
    ILogger<BallotLifecycle> logger)
{
    /// <summary>
    /// Stores a new ballot. One that opens now is stored open: a click that follows « Vote créé … est ouvert » at once
    /// must find it open, not waiting for the opening job, which then only sends its cards and plans its close.
    /// </summary>
    public async Task CreateAsync(Ballot ballot, CancellationToken cancellationToken)
    {
        if (ballot.OpensAt is { } opensAt)
        {
            await StoreNewAsync(ballot, cancellationToken);
            await jobs.ScheduleAsync(OpenBallotJob.JobKind, OpenJobId(ballot.Id), opensAt, ballot.Id, cancellationToken);
            return;
        }

        await StoreOpenAsync(ballot, cancellationToken);
        await jobs.ScheduleAsync(OpenBallotJob.JobKind, OpenJobId(ballot.Id), ballot.CreatedAt, ballot.Id, cancellationToken);
    }

    /// <summary>
    /// A ballot open from its creation whose card is sent to nobody: the voters find it with `votes`. For demo data,
    /// whose Playground users have no conversation yet for a card to reach. Its close and reminder are planned as usual.
    /// </summary>
    public async Task CreateOpenWithoutCardAsync(Ballot ballot, CancellationToken cancellationToken)
    {
        var open = await StoreOpenAsync(ballot with { OpensAt = null }, cancellationToken);
        await ScheduleCloseAsync(open, clock.GetUtcNow(), cancellationToken);
    }

    /// <summary>Opens a scheduled ballot (idempotent) and makes sure its card, close and reminder are on their way.</summary>
    public async Task<Ballot?> OpenAsync(string id, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var opened = false;
        var ballot = await ballots.ChangeAsync(id, current =>
        {
            opened = current.State == BallotState.Scheduled;
            return opened ? current with { State = BallotState.Open, OpenedAt = now } : null;
        }, cancellationToken);
        if (ballot is null || ballot.State != BallotState.Open)
        {
            return ballot;
        }

        if (opened)
        {
            await audit.RecordAsync(id, OpenedEvent(ballot, now), cancellationToken);
            LogOpened(logger, id, ballot.Communes.Count);
        }

        await broadcaster.StartAsync(
            new BroadcastRequest(ballot.Question, string.Empty, new Audience(AudienceKind.Members, Members: await VotersAsync(ballot, cancellationToken)), ballot.CreatedBy, ballot.CreatedByName, new BroadcastContent(BallotCardContent.ContentKind, id), Id: "vb" + id),
            cancellationToken);
        await ScheduleCloseAsync(ballot, now, cancellationToken);
        return ballot;
    }

    private async Task StoreNewAsync(Ballot ballot, CancellationToken cancellationToken)
    {
        await ballots.CreateAsync(ballot, cancellationToken);
        await audit.RecordAsync(ballot.Id, new AuditEvent("created", ballot.CreatedAt, ballot.CreatedByName, Detail: ballot.Question), cancellationToken);
    }

    private async Task<Ballot> StoreOpenAsync(Ballot ballot, CancellationToken cancellationToken)
    {
        var open = ballot with { State = BallotState.Open, OpenedAt = ballot.CreatedAt };
        await StoreNewAsync(open, cancellationToken);
        await audit.RecordAsync(open.Id, OpenedEvent(open, open.CreatedAt), cancellationToken);
        LogOpened(logger, open.Id, open.Communes.Count);
        return open;
    }

    private static AuditEvent OpenedEvent(Ballot ballot, DateTimeOffset at) =>
        new("opened", at, "BepBot", Detail: ballot.ClosesAt?.ToString("O", CultureInfo.InvariantCulture));

    private async Task ScheduleCloseAsync(Ballot ballot, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (ballot.ClosesAt is { } closes)
        {
            await jobs.ScheduleAsync(CloseBallotJob.JobKind, CloseJobId(ballot.Id), closes, ballot.Id, cancellationToken);
            var remindAt = closes - options.Value.ReminderBeforeClose;
            if (remindAt > now)
            {
                await jobs.ScheduleAsync(RemindBallotJob.JobKind, RemindJobId(ballot.Id), remindAt, ballot.Id, cancellationToken);
            }
        }
    }

    /// <summary>
    /// Closes the ballot, counts, seals the audit log, sends the result and updates the ballot cards sent earlier. Only
    /// the caller that closes it does the rest.
    /// </summary>
    /// <param name="closedBy">The staff member closing it by hand, who gets the report on the cards; null at its time (its creator gets it).</param>
    /// <returns>The ballot as it is after the call; <c>Closed</c> is false when it was already closed (or unknown).</returns>
    public async Task<(Ballot? Ballot, bool Closed)> CloseAsync(string id, string actor, ChatUser? closedBy, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var closing = false;
        var ballot = await ballots.ChangeAsync(id, current =>
        {
            closing = current.State != BallotState.Closed;
            return closing ? current with { State = BallotState.Closed, ClosedAt = now } : null;
        }, cancellationToken);
        if (ballot is null)
        {
            return (null, false);
        }

        if (!closing)
        {
            // Already closed: a crashed closer left no result behind only if it died mid-way; finish its work once it is clearly stale.
            if (ballot.Result is null && ballot.ClosedAt < now - TimeSpan.FromMinutes(5))
            {
                return (await FinalizeAsync(ballot, closedBy, cancellationToken), false);
            }

            await EraseSecretChoicesAsync(ballot, cancellationToken);
            return (ballot, false);
        }

        await audit.RecordAsync(id, new AuditEvent("closed", now, actor), cancellationToken);
        await jobs.CancelAsync(OpenJobId(id), cancellationToken);
        await jobs.CancelAsync(RemindJobId(id), cancellationToken);
        await jobs.CancelAsync(CloseJobId(id), cancellationToken);
        await Task.Delay(options.Value.CloseSettle, clock, cancellationToken);
        LogClosed(logger, id);
        return (await FinalizeAsync(ballot, closedBy, cancellationToken), true);
    }

    /// <summary>A reminder with the ballot card to the communes that have not voted yet (their bourgmestre, or their procuration's holder).</summary>
    /// <param name="onlyCommune">One commune alone (« Relancer » on its row of the dashboard tab); null: every commune that has not voted.</param>
    public async Task<int> RemindAsync(string id, string broadcastId, string? onlyCommune, CancellationToken cancellationToken)
    {
        var ballot = await ballots.GetAsync(id, cancellationToken);
        if (ballot?.State != BallotState.Open)
        {
            return 0;
        }

        var voted = await ballots.VotedCommunesAsync(ballot, cancellationToken);
        var members = (await roster.ListAsync(cancellationToken));
        var recipients = new List<string>();
        foreach (var commune in ballot.Communes.Where(commune => !voted.Contains(commune) && (onlyCommune is null || commune == onlyCommune)))
        {
            var given = await procurations.GivenByAsync(ProcurationScope.Ballot, id, commune, cancellationToken)
                ?? (ballot.SessionId is { } session ? await procurations.GivenByAsync(ProcurationScope.Session, session, commune, cancellationToken) : null);
            var recipient = given?.HolderAadObjectId ?? members.FirstOrDefault(member => member.Role == Role.Bourgmestre && member.Commune == commune)?.AadObjectId;
            if (recipient is not null && !recipients.Contains(recipient, StringComparer.OrdinalIgnoreCase))
            {
                recipients.Add(recipient);
            }
        }

        if (recipients.Count > 0)
        {
            await broadcaster.StartAsync(
                new BroadcastRequest(ballot.Question, string.Empty, new Audience(AudienceKind.Members, Members: recipients), ballot.CreatedBy, ballot.CreatedByName, new BroadcastContent(BallotReminderContent.ContentKind, id), Id: broadcastId),
                cancellationToken);
        }

        LogReminded(logger, id, recipients.Count);
        return recipients.Count;
    }

    /// <summary>Every member who may vote in the ballot: the bourgmestres of the communes in scope and the holders of their procurations.</summary>
    public async Task<List<string>> VotersAsync(Ballot ballot, CancellationToken cancellationToken)
    {
        var voters = (await roster.ListAsync(cancellationToken))
            .Where(member => member.Role == Role.Bourgmestre && ballot.InScope(member.Commune))
            .Select(member => member.AadObjectId)
            .ToList();
        var given = new List<Procuration>(await procurations.ListAsync(ProcurationScope.Ballot, ballot.Id, cancellationToken));
        if (ballot.SessionId is { } session)
        {
            given.AddRange(await procurations.ListAsync(ProcurationScope.Session, session, cancellationToken));
        }

        voters.AddRange(given.Where(procuration => ballot.InScope(procuration.GiverCommune)).Select(procuration => procuration.HolderAadObjectId));
        return [.. voters.Distinct(StringComparer.OrdinalIgnoreCase)];
    }

    private async Task<Ballot> FinalizeAsync(Ballot ballot, ChatUser? closedBy, CancellationToken cancellationToken)
    {
        var closedAt = ballot.ClosedAt ?? clock.GetUtcNow();
        IReadOnlyCollection<IReadOnlyList<string>> papers = ballot.Secret
            ? [.. (await ballots.ListParticipationAsync(ballot.Id, cancellationToken))
                .Where(participation => participation.SealedChoice is not null)
                .Select(participation => seal.Open(ballot.Id, participation.Commune, participation.SealedChoice!))]
            : [.. (await ballots.ListVotesAsync(ballot.Id, cancellationToken)).Where(vote => vote.CastAt <= closedAt).Select(vote => vote.ChoiceIds)];
        var tally = BallotRules.Tally(ballot, papers);
        var counts = string.Join(", ", ballot.Choices.Select(choice => $"{choice.Label}: {tally.Counts[choice.Id]}"));
        await audit.RecordAsync(ballot.Id, new AuditEvent("result", clock.GetUtcNow(), "BepBot", Detail: $"{tally.Outcome}; {tally.Participants}/{tally.InScope}; {counts}"), cancellationToken);
        await audit.SealAsync(ballot.Id, wait: true, cancellationToken);
        var head = await audit.HeadAsync(ballot.Id, cancellationToken) ?? new AuditHead(0, AuditLog.GenesisHash);
        var result = new BallotResult(tally.Counts, tally.Participants, tally.InScope, tally.QuorumReached, tally.Outcome, tally.RetainedChoiceIds, head.Hash, head.Sequence, clock.GetUtcNow());
        var final = await ballots.ChangeAsync(ballot.Id, current => current.Result is null ? current with { Result = result } : null, cancellationToken) ?? ballot;
        await EraseSecretChoicesAsync(final, cancellationToken);

        var audience = await VotersAsync(final, cancellationToken);
        audience.AddRange((await roster.ListAsync(cancellationToken)).Where(member => member.Role == Role.BepStaff).Select(member => member.AadObjectId));
        await broadcaster.StartAsync(
            new BroadcastRequest(final.Question, string.Empty, new Audience(AudienceKind.Members, Members: [.. audience.Distinct(StringComparer.OrdinalIgnoreCase)]), final.CreatedBy, final.CreatedByName, new BroadcastContent(ResultContent.ContentKind, final.Id), Id: "vr" + final.Id),
            cancellationToken);
        await cardUpdates.StartAsync(
            new CardUpdateRequest(CurrentBallotCard.SubjectOf(final.Id), final.Question, "ballot-closed:" + final.Id, closedBy?.AadObjectId ?? final.CreatedBy, closedBy?.Name ?? final.CreatedByName),
            cancellationToken);
        LogResult(logger, final.Id, tally.Outcome, tally.Participants, tally.InScope);
        return final;
    }

    /// <summary>
    /// Once the result is stored (never before: a crash in between must leave every choice to count again), the sealed
    /// choices go. Also run on a later close of the ballot, which finishes an erasure a crash interrupted.
    /// </summary>
    private async Task EraseSecretChoicesAsync(Ballot ballot, CancellationToken cancellationToken)
    {
        if (ballot.Secret && ballot.Result is not null)
        {
            var erased = await ballots.EraseSealedChoicesAsync(ballot.Id, cancellationToken);
            if (erased > 0)
            {
                LogChoicesErased(logger, ballot.Id, erased);
            }
        }
    }

    public static string OpenJobId(string id) => "votes-open-" + id;

    public static string CloseJobId(string id) => "votes-close-" + id;

    public static string RemindJobId(string id) => "votes-remind-" + id;

    [LoggerMessage(Level = LogLevel.Information, Message = "Ballot {BallotId} opened for {Communes} communes")]
    private static partial void LogOpened(ILogger logger, string ballotId, int communes);

    [LoggerMessage(Level = LogLevel.Information, Message = "Ballot {BallotId} closed")]
    private static partial void LogClosed(ILogger logger, string ballotId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Ballot {BallotId} result: {Outcome}, {Participants} of {InScope} communes took part")]
    private static partial void LogResult(ILogger logger, string ballotId, BallotOutcome outcome, int participants, int inScope);

    [LoggerMessage(Level = LogLevel.Information, Message = "Ballot {BallotId}: reminder to {Count} member(s) whose commune has not voted")]
    private static partial void LogReminded(ILogger logger, string ballotId, int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Ballot {BallotId}: the sealed choices of {Count} communes erased after the count")]
    private static partial void LogChoicesErased(ILogger logger, string ballotId, int count);
}
