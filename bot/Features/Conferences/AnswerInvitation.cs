using System.Text.Json;
using BepBot.Cards;
using BepBot.Chat;
using BepBot.Infrastructure.Scheduling;
using BepBot.Infrastructure.Telemetry;
using BepBot.Platform.Procurations;

namespace BepBot.Features.Conferences;

/// <summary>
/// `conferences.rsvp`: « Je participerai » / « Je ne pourrai pas participer » / « Donner procuration » for the bourgmestre's
/// commune, changeable until the session starts. "Représenté" records a session procuration; leaving it withdraws the procuration (unless already used).
/// </summary>
public sealed partial class AnswerInvitation(
    ConferenceAccess access,
    ConferenceStore store,
    ProcurationBook procurations,
    IMemberDirectory roster,
    ConferenceCards cards,
    JobBook jobs,
    TimeProvider clock,
    ILogger<AnswerInvitation> logger) : ICardActionHandler
{
    public async Task<Reply> HandleAsync(ChatTurn turn, JsonElement data, CancellationToken cancellationToken)
    {
        var request = CardData.Read<RsvpData>(data);
        var answer = request.Answer switch
        {
            "present" => RsvpAnswer.Present,
            "absent" => RsvpAnswer.Absent,
            "represented" => RsvpAnswer.Represented,
            _ => throw new InvalidCardDataException($"Unknown RSVP answer '{request.Answer}'."),
        };
        var (session, refusal) = await access.FindAsync(turn, request.SessionId, cancellationToken);
        if (session is null)
        {
            return refusal!;
        }

        if (session.State != ConferenceState.Scheduled || !session.IsOpenForAnswers(clock.GetUtcNow()))
        {
            return access.Refuse(turn, session.Id, "Rsvp_NotOpen");
        }

        var members = (await roster.ListAsync(cancellationToken));
        var me = turn.User.Member!;
        var commune = me.Commune!;
        Member? holder = null;
        if (answer == RsvpAnswer.Represented)
        {
            holder = members.FirstOrDefault(member => string.Equals(member.AadObjectId, request.Holder, StringComparison.OrdinalIgnoreCase));
            if (string.IsNullOrWhiteSpace(request.Holder))
            {
                return access.Refuse(turn, session.Id, "Rsvp_ChooseHolder");
            }

            if (holder is null || holder.Role == Role.Guest)
            {
                return access.Refuse(turn, session.Id, "Rsvp_UnknownHolder");
            }
        }

        if (holder is not null)
        {
            // Checked before anything changes, so that a refused holder leaves the current answer as it was.
            if (holder.AadObjectId == me.AadObjectId || holder.Commune == commune)
            {
                return access.Refuse(turn, session.Id, "Rsvp_HolderSameCommune");
            }

            if (await procurations.HeldByAsync(ProcurationScope.Session, session.Id, holder.AadObjectId, cancellationToken) is { } held && held.GiverCommune != commune)
            {
                return access.Refuse(turn, session.Id, "Rsvp_HolderBusy", CardText.EscapeMarkdown(holder.Name), held.GiverCommune);
            }
        }

        var given = await procurations.GivenByAsync(ProcurationScope.Session, session.Id, commune, cancellationToken);
        if (given is not null && given.HolderAadObjectId != holder?.AadObjectId)
        {
            if (given.UsedAt is not null || !await procurations.WithdrawAsync(ProcurationScope.Session, session.Id, commune, cancellationToken))
            {
                return access.Refuse(turn, session.Id, "Rsvp_ProcurationUsed", CardText.EscapeMarkdown(given.HolderName));
            }

            LogWithdrawn(logger, session.Id, commune, given.HolderAadObjectId);
            await ProcurationNoticeJob.TellAsync(jobs, clock.GetUtcNow(), session.Id, given, given: false, cancellationToken);
        }

        var newlyGiven = holder is not null && given?.HolderAadObjectId != holder.AadObjectId;
        if (newlyGiven)
        {
            var (outcome, existing) = await procurations.GiveAsync(ProcurationScope.Session, session.Id, me, holder!, cancellationToken);
            if (outcome is not (ProcurationOutcome.Given or ProcurationOutcome.AlreadyGivenToThisHolder))
            {
                // Someone took this holder between the check and now; the commune's earlier procuration (if any) is
                // already withdrawn, so its answer no longer stands either.
                LogProcurationRefused(logger, session.Id, commune, outcome);
                if (given is not null)
                {
                    await store.DeleteRsvpAsync(session.Id, commune, cancellationToken);
                }

                return access.Refuse(turn, session.Id, "Rsvp_HolderBusy", CardText.EscapeMarkdown(holder!.Name), existing?.GiverCommune ?? "?");
            }

            LogGiven(logger, session.Id, commune, holder!.AadObjectId);
            if (outcome == ProcurationOutcome.Given)
            {
                await ProcurationNoticeJob.TellAsync(jobs, clock.GetUtcNow(), session.Id, existing!, given: true, cancellationToken);
            }
        }

        var rsvp = new Rsvp(commune, me.AadObjectId, me.Name, answer, holder?.AadObjectId, holder?.Name, clock.GetUtcNow());
        await store.SaveRsvpAsync(session.Id, rsvp, cancellationToken);
        LogAnswered(logger, session.Id, commune, answer);
        var notice = cards.Texts["Rsvp_Saved", cards.Answer(rsvp)].Value;
        if (newlyGiven)
        {
            notice += " " + cards.Texts["Rsvp_ProcurationGiven", CardText.EscapeMarkdown(holder!.Name)].Value;
        }

        return Reply.UpdatingCard(cards.MemberSession(session, me, rsvp, members, notice: notice));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "RSVP of {Commune} to conference {SessionId}: {Answer}")]
    private static partial void LogAnswered(ILogger logger, string sessionId, string commune, RsvpAnswer answer);

    [LoggerMessage(Level = LogLevel.Information, Message = "Procuration of {Commune} for conference {SessionId} given to {Holder}")]
    private static partial void LogGiven(ILogger logger, string sessionId, string commune, [PseudonymousId] string holder);

    [LoggerMessage(Level = LogLevel.Information, Message = "Procuration of {Commune} for conference {SessionId} withdrawn from {Holder}")]
    private static partial void LogWithdrawn(ILogger logger, string sessionId, string commune, [PseudonymousId] string holder);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Procuration of {Commune} for conference {SessionId} refused: {Outcome}")]
    private static partial void LogProcurationRefused(ILogger logger, string sessionId, string commune, ProcurationOutcome outcome);
}
