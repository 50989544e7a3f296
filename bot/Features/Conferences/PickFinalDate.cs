using System.Text.Json;
using BepBot.Chat;

namespace BepBot.Features.Conferences;

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
