using System.Text.Json;
using BepBot.Cards;
using BepBot.Chat;
using BepBot.Platform.Procurations;
using BepBot.Platform.Territory;
using Microsoft.Extensions.Localization;

namespace BepBot.Features.Conferences;

public sealed record PollData(string SessionId, string? D0 = null, string? D1 = null, string? D2 = null, string? D3 = null, string? D4 = null);

public sealed record PickData(string SessionId, int Date);

public sealed record RsvpData(string SessionId, string Answer, string? Holder = null);

/// <summary>`conferences.poll`: a bourgmestre in scope answers every candidate date (one answer per commune).</summary>
public sealed partial class AnswerDatePoll(ConferenceAccess access, ConferenceStore store, ConferenceCards cards, TimeProvider clock, ILogger<AnswerDatePoll> logger) : ICardActionHandler
{
    public async Task<Reply> HandleAsync(ChatTurn turn, JsonElement data, CancellationToken cancellationToken)
    {
        var request = CardData.Read<PollData>(data);
        var (session, refusal) = await access.FindAsync(turn, request.SessionId, cancellationToken);
        if (session is null)
        {
            return refusal!;
        }

        if (session.State != ConferenceState.DatePoll)
        {
            return access.Refuse(turn, session.Id, "Poll_NotOpen");
        }

        string?[] given = [request.D0, request.D1, request.D2, request.D3, request.D4];
        var choices = new List<PollChoice>();
        for (var index = 0; index < given.Length; index++)
        {
            var choice = given[index] switch
            {
                "yes" => PollChoice.Yes,
                "maybe" => PollChoice.Maybe,
                "no" => PollChoice.No,
                null => (PollChoice?)null,
                _ => throw new InvalidCardDataException($"Unknown poll answer '{given[index]}'."),
            };
            if ((index < session.CandidateDates.Count) != choice.HasValue)
            {
                return access.Refuse(turn, session.Id, "Poll_AnswerEveryDate");
            }

            if (choice is { } value)
            {
                choices.Add(value);
            }
        }

        var member = turn.User.Member!;
        var answer = new PollAnswer(member.Commune!, member.AadObjectId, member.Name, choices, clock.GetUtcNow());
        await store.SavePollAnswerAsync(session.Id, answer, cancellationToken);
        LogAnswered(logger, session.Id, member.Commune!);
        return Reply.UpdatingCard(cards.Poll(session, answer, notice: cards.Texts["Poll_Saved"]));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Date poll of conference {SessionId} answered for {Commune}")]
    private static partial void LogAnswered(ILogger logger, string sessionId, string commune);
}

/// <summary>`conferences.tally`: staff see, per candidate date, how many communes said yes, maybe, no.</summary>
public sealed class ShowTally(ConferenceAccess access, ConferenceStore store, ConferenceCards cards) : ICardActionHandler
{
    public Task<Reply> HandleAsync(ChatTurn turn, JsonElement data, CancellationToken cancellationToken) =>
        access.ShowAsync(turn, data, session => TallyCardAsync(store, cards, session, cancellationToken), cancellationToken);

    public static async Task<System.Text.Json.Nodes.JsonObject> TallyCardAsync(ConferenceStore store, ConferenceCards cards, ConferenceSession session, CancellationToken cancellationToken)
    {
        var texts = cards.Texts;
        // Only communes in scope count, once each, whoever answered for them.
        var answers = (await store.PollAnswersAsync(session.Id, cancellationToken)).Where(answer => session.InScope(answer.Commune)).ToList();
        var answered = answers.Select(answer => answer.Commune).ToHashSet(StringComparer.Ordinal);
        var missing = session.CommunesInScope.Where(commune => !answered.Contains(commune)).ToList();
        int Count(int index, PollChoice choice) => answers.Count(answer => index < answer.Choices.Count && answer.Choices[index] == choice);
        return cards.Render("conferences/tally", new
        {
            Title = (string)texts["Tally_Title", CardText.EscapeMarkdown(session.Title)],
            Subtitle = (string)texts["Tally_Subtitle", answered.Count, session.CommunesInScope.Count],
            SessionId = session.Id,
            CanPick = session.State == ConferenceState.DatePoll,
            Dates = session.CandidateDates.Select((date, index) => new
            {
                Label = cards.Date(date),
                Counts = (string)texts["Tally_Counts", Count(index, PollChoice.Yes), Count(index, PollChoice.Maybe), Count(index, PollChoice.No)],
                Pick = (string)texts["Tally_Pick", cards.Date(date)],
                Index = index,
            }).ToList(),
            Missing = missing.Count == 0 ? string.Empty : (string)texts["Tally_Missing", string.Join(", ", missing)],
            Refresh = (string)texts["Button_Refresh"],
        });
    }
}

/// <summary>`conferences.pick`: staff retain one candidate date; the bourgmestres are told and invited, Outlook gets the event.</summary>
public sealed class PickFinalDate(ConferenceAccess access, ConferenceStore store, ConferenceLifecycle lifecycle, ConferenceCards cards, TimeProvider clock) : ICardActionHandler
{
    public async Task<Reply> HandleAsync(ChatTurn turn, JsonElement data, CancellationToken cancellationToken)
    {
        var request = CardData.Read<PickData>(data);
        var (session, refusal) = await access.FindAsync(turn, request.SessionId, cancellationToken);
        if (session is null)
        {
            return refusal!;
        }

        if (session.State != ConferenceState.DatePoll)
        {
            return access.Refuse(turn, session.Id, "Pick_NotPolling");
        }

        if (request.Date < 0 || request.Date >= session.CandidateDates.Count)
        {
            throw new InvalidCardDataException($"No candidate date {request.Date}.");
        }

        var date = session.CandidateDates[request.Date];
        if (date <= clock.GetUtcNow())
        {
            return access.Refuse(turn, session.Id, "Pick_DatePassed", cards.Date(date));
        }

        var picked = await store.ChangeAsync(
            session.Id,
            current => current.State == ConferenceState.DatePoll ? current with { State = ConferenceState.Scheduled, StartsAt = date } : null,
            turn.User.Name,
            cards.Texts["Change_DatePicked", turn.User.Name, cards.Date(date)],
            cancellationToken);
        if (picked is null)
        {
            return access.Refuse(turn, session.Id, "Pick_NotPolling");
        }

        var (updated, notice) = await lifecycle.DateSetAsync(picked, turn.User, ConferenceAnnouncer.DateKind, "date", cancellationToken);
        return Reply.UpdatingCard(cards.StaffSession(updated, notice, cards.Texts["Pick_Done", cards.Date(date)]));
    }
}

/// <summary>
/// `conferences.rsvp`: Présent / Absent / Représenté par… for the bourgmestre's commune, changeable until the session
/// starts. "Représenté" records a session procuration; leaving it withdraws the procuration (unless already used).
/// </summary>
public sealed partial class AnswerInvitation(
    ConferenceAccess access,
    ConferenceStore store,
    ProcurationBook procurations,
    IMemberDirectory roster,
    ConferenceCards cards,
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
        }

        if (holder is not null && given?.HolderAadObjectId != holder.AadObjectId)
        {
            var (outcome, existing) = await procurations.GiveAsync(ProcurationScope.Session, session.Id, me, holder, cancellationToken);
            if (outcome is not (ProcurationOutcome.Given or ProcurationOutcome.AlreadyGivenToThisHolder))
            {
                // Someone took this holder between the check and now; the commune's earlier procuration (if any) is
                // already withdrawn, so its answer no longer stands either.
                LogProcurationRefused(logger, session.Id, commune, outcome);
                if (given is not null)
                {
                    await store.DeleteRsvpAsync(session.Id, commune, cancellationToken);
                }

                return access.Refuse(turn, session.Id, "Rsvp_HolderBusy", CardText.EscapeMarkdown(holder.Name), existing?.GiverCommune ?? "?");
            }

            LogGiven(logger, session.Id, commune, holder.AadObjectId);
        }

        var rsvp = new Rsvp(commune, me.AadObjectId, me.Name, answer, holder?.AadObjectId, holder?.Name, clock.GetUtcNow());
        await store.SaveRsvpAsync(session.Id, rsvp, cancellationToken);
        LogAnswered(logger, session.Id, commune, answer);
        return Reply.UpdatingCard(cards.MemberSession(session, me, rsvp, members, notice: cards.Texts["Rsvp_Saved", cards.Answer(rsvp)]));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "RSVP of {Commune} to conference {SessionId}: {Answer}")]
    private static partial void LogAnswered(ILogger logger, string sessionId, string commune, RsvpAnswer answer);

    [LoggerMessage(Level = LogLevel.Information, Message = "Procuration of {Commune} for conference {SessionId} given to {Holder}")]
    private static partial void LogGiven(ILogger logger, string sessionId, string commune, string holder);

    [LoggerMessage(Level = LogLevel.Information, Message = "Procuration of {Commune} for conference {SessionId} withdrawn from {Holder}")]
    private static partial void LogWithdrawn(ILogger logger, string sessionId, string commune, string holder);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Procuration of {Commune} for conference {SessionId} refused: {Outcome}")]
    private static partial void LogProcurationRefused(ILogger logger, string sessionId, string commune, ProcurationOutcome outcome);
}

/// <summary>`conferences.attendance`: communes present or represented out of those in scope, per bassin, and the quorum.</summary>
public sealed class ShowAttendance(ConferenceAccess access, ConferenceStore store, ConferenceCards cards) : ICardActionHandler
{
    public Task<Reply> HandleAsync(ChatTurn turn, JsonElement data, CancellationToken cancellationToken) =>
        access.ShowAsync(turn, data, session => CardAsync(store, cards, session, cancellationToken), cancellationToken);

    public static async Task<System.Text.Json.Nodes.JsonObject> CardAsync(ConferenceStore store, ConferenceCards cards, ConferenceSession session, CancellationToken cancellationToken)
    {
        var texts = cards.Texts;
        var rsvps = (await store.RsvpsAsync(session.Id, cancellationToken)).Where(rsvp => session.InScope(rsvp.Commune)).ToDictionary(rsvp => rsvp.Commune, StringComparer.Ordinal);
        var bassins = TerritoryMap.Bassins.Where(bassin => session.BassinId is null || bassin.Id == session.BassinId).Select(bassin =>
        {
            int Count(RsvpAnswer answer) => bassin.Communes.Count(commune => rsvps.TryGetValue(commune, out var rsvp) && rsvp.Answer == answer);
            var silent = bassin.Communes.Where(commune => !rsvps.ContainsKey(commune)).ToList();
            var present = Count(RsvpAnswer.Present);
            var represented = Count(RsvpAnswer.Represented);
            return new
            {
                bassin.Name,
                Line = (string)texts["Attendance_Line", present + represented, bassin.Communes.Count, present, represented, Count(RsvpAnswer.Absent), silent.Count],
                Missing = silent.Count == 0 ? string.Empty : (string)texts["Tally_Missing", string.Join(", ", silent)],
                Counted = present + represented,
            };
        }).ToList();
        var counted = bassins.Sum(bassin => bassin.Counted);
        var reached = counted >= session.QuorumNeeded;
        return cards.Render("conferences/attendance", new
        {
            Title = (string)texts["Attendance_Title", CardText.EscapeMarkdown(session.Title)],
            Subtitle = $"{cards.When(session)} · {cards.Quorum(session)}",
            SessionId = session.Id,
            Bassins = bassins.Select(bassin => new { bassin.Name, bassin.Line, bassin.Missing }).ToList(),
            Total = (string)texts["Attendance_Total", counted, session.CommunesInScope.Count],
            Quorum = session.Quorum == QuorumRule.None ? (string)texts["Attendance_NoQuorum"]
                : reached ? (string)texts["Attendance_Reached", session.QuorumNeeded]
                : (string)texts["Attendance_NotReached", session.QuorumNeeded, session.QuorumNeeded - counted],
            Reached = reached,
            Refresh = (string)texts["Button_Refresh"],
        });
    }
}
