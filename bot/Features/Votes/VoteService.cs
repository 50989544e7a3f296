using BepBot.Chat;
using BepBot.Infrastructure.Storage;
using BepBot.Infrastructure.Telemetry;
using BepBot.Infrastructure.Text;
using BepBot.Platform.Procurations;

namespace BepBot.Features.Votes;

/// <summary>
/// Records one commune's vote. The store enforces one vote per commune (create-if-absent; a change replaces it under
/// If-Match), so two clicks, two instances or a replay can never count twice. Every refusal writes nothing.
/// </summary>
public sealed partial class VoteService(
    BallotStore ballots,
    BallotLifecycle lifecycle,
    VoterRights rights,
    ProcurationBook procurations,
    BallotSeal seal,
    AuditLog audit,
    TimeProvider clock,
    ILogger<VoteService> logger)
{
    public async Task<CastOutcome> CastAsync(string ballotId, string communeName, IReadOnlyList<string> choiceIds, Member voter, CancellationToken cancellationToken = default)
    {
        var ballot = await ballots.GetAsync(ballotId, cancellationToken);
        if (ballot is null)
        {
            return Refused(CastStatus.UnknownBallot, null, voter);
        }

        var now = clock.GetUtcNow();
        // Past its opening time a ballot is open, even when its opening job has not run yet (another instance's, or
        // one due during a restart): the click opens it, once, as the job would.
        if (ballot.State == BallotState.Scheduled && (ballot.OpensAt ?? ballot.CreatedAt) <= now)
        {
            ballot = await lifecycle.OpenAsync(ballot.Id, cancellationToken) ?? ballot;
        }

        if (ballot.State == BallotState.Scheduled)
        {
            return Refused(CastStatus.NotYetOpen, ballot, voter);
        }

        // Past the closing time the vote is refused even if the close job has not run yet.
        if (ballot.State == BallotState.Closed || ballot.ClosesAt <= now)
        {
            return Refused(CastStatus.Closed, ballot, voter);
        }

        // Matched against the ballot's own list (frozen at creation), spelt as the user may spell it.
        var folded = TextFolding.Fold(communeName);
        var commune = ballot.Communes.FirstOrDefault(candidate => TextFolding.Fold(candidate) == folded);
        if (commune is null)
        {
            return Refused(CastStatus.NotInScope, ballot, voter);
        }

        var standing = await rights.StandingAsync(ballot, voter, cancellationToken);
        var seat = standing.SeatFor(commune);
        if (seat is null)
        {
            return Refused(CastStatus.NotYourCommune, ballot, voter);
        }

        if (seat.HeldFrom is null && standing.GivenAway is { } givenAway)
        {
            return Refused(CastStatus.GivenAway, ballot, voter) with { GivenAway = givenAway };
        }

        if (!ValidChoices(ballot, choiceIds))
        {
            return Refused(CastStatus.UnknownChoice, ballot, voter);
        }

        if (ballot.Secret && seat.Voted)
        {
            return new CastOutcome(CastStatus.AlreadyVotedSecret, ballot, Standing: standing);
        }

        var procuration = seat.HeldFrom;
        if (procuration is not null)
        {
            // Marked used before the vote is written: from now on the giver can no longer withdraw it.
            var used = await procurations.MarkUsedAsync(procuration.Scope, procuration.ScopeId, procuration.GiverCommune, cancellationToken);
            if (used is null || !string.Equals(used.HolderAadObjectId, voter.AadObjectId, StringComparison.OrdinalIgnoreCase))
            {
                return Refused(CastStatus.NotYourCommune, ballot, voter);
            }

            if (procuration.UsedAt is null)
            {
                await audit.RecordAsync(ballot.Id, new AuditEvent("procuration-used", now, voter.Name, commune, used.HolderName), cancellationToken);
            }

            procuration = used;
        }

        CastStatus status;
        Document<CommuneVote>? vote = null;
        if (ballot.Secret)
        {
            status = await CastSecretAsync(ballot, commune, choiceIds, voter, procuration is not null, now, cancellationToken);
        }
        else
        {
            (status, vote) = await CastOpenAsync(ballot, seat.Vote, commune, choiceIds, voter, procuration is not null, now, cancellationToken);
        }

        if (status is CastStatus.Recorded or CastStatus.Changed)
        {
            var detail = ballot.Secret ? null : string.Join(", ", choiceIds.Select(id => ballot.FindChoice(id)!.Label));
            await audit.RecordAsync(ballot.Id, new AuditEvent(status == CastStatus.Recorded ? "vote-cast" : "vote-changed", now, voter.Name, commune, detail), cancellationToken);
            LogCast(logger, ballot.Id, commune, status);
        }

        return new CastOutcome(status, ballot, Standing: standing.WithVote(commune, vote, procuration));
    }

    public static bool ValidChoices(Ballot ballot, IReadOnlyList<string> choiceIds)
    {
        if (choiceIds.Count == 0 || choiceIds.Distinct(StringComparer.Ordinal).Count() != choiceIds.Count || choiceIds.Any(id => ballot.FindChoice(id) is null))
        {
            return false;
        }

        return ballot.Mode == ChoiceMode.Multiple
            ? !choiceIds.Contains(Ballot.AbstentionId) || choiceIds.Count == 1
            : choiceIds.Count == 1;
    }

    /// <param name="existing">The vote as read with the voter's standing: the first attempt needs no read of its own.</param>
    private async Task<(CastStatus Status, Document<CommuneVote> Vote)> CastOpenAsync(
        Ballot ballot, Document<CommuneVote>? existing, string commune, IReadOnlyList<string> choiceIds, Member voter, bool byProcuration, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var ordered = ballot.Choices.Select(choice => choice.Id).Where(choiceIds.Contains).ToList();
        var update = await ballots.UpdateVoteAsync<CastStatus>(
            ballot.Id,
            commune,
            existing,
            current => current switch
            {
                null => (new CommuneVote(commune, ordered, voter.AadObjectId, voter.Name, byProcuration, now, 1, now), CastStatus.Recorded),
                _ when current.ChoiceIds.SequenceEqual(ordered, StringComparer.Ordinal) => (null, CastStatus.Unchanged),
                _ => (current with { ChoiceIds = ordered, CastBy = voter.AadObjectId, CastByName = voter.Name, ByProcuration = byProcuration, CastAt = now, Revision = current.Revision + 1 }, CastStatus.Changed),
            },
            cancellationToken);
        return (update.Outcome, update.Written ?? update.Read!);
    }

    private async Task<CastStatus> CastSecretAsync(Ballot ballot, string commune, IReadOnlyList<string> choiceIds, Member voter, bool byProcuration, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var sealedChoice = seal.Seal(ballot.Id, commune, [.. choiceIds.Order(StringComparer.Ordinal)]);
        try
        {
            await ballots.CreateParticipationAsync(ballot.Id, new Participation(commune, voter.AadObjectId, voter.Name, byProcuration, now, sealedChoice), cancellationToken);
            return CastStatus.Recorded;
        }
        catch (DocumentConflictException)
        {
            return CastStatus.AlreadyVotedSecret;
        }
    }

    private CastOutcome Refused(CastStatus status, Ballot? ballot, Member voter)
    {
        LogRefused(logger, ballot?.Id, voter.AadObjectId, status);
        return new CastOutcome(status, ballot);
    }

    // Never the choice: a log line must not tell how a commune voted.
    [LoggerMessage(Level = LogLevel.Information, Message = "Ballot {BallotId}: vote of {Commune} {Status}")]
    private static partial void LogCast(ILogger logger, string ballotId, string commune, CastStatus status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Ballot {BallotId}: vote from {User} refused ({Status}); nothing written")]
    private static partial void LogRefused(ILogger logger, [PseudonymousId] string? ballotId, [PseudonymousId] string user, CastStatus status);
}
