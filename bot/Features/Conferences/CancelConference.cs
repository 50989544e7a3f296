using System.Text.Json;
using BepBot.Chat;
using Microsoft.Extensions.Localization;

namespace BepBot.Features.Conferences;

/// <summary>`conferences.confirmCancel`: the session is cancelled (a new version), everyone told, the Outlook event cancelled.</summary>
public sealed class CancelConference(ConferenceAccess access, ConferenceStore store, ConferenceLifecycle lifecycle, ConferenceCards cards, IStringLocalizer<ConferencesTexts> texts, TimeProvider clock) : ICardActionHandler
{
    public async Task<Reply> HandleAsync(ChatTurn turn, JsonElement data, CancellationToken cancellationToken)
    {
        var request = CardData.Read<CancelConfirmData>(data);
        var (session, refusal) = await access.FindAsync(turn, request.SessionId, cancellationToken);
        if (session is null)
        {
            return refusal!;
        }

        if (session.State == ConferenceState.Cancelled || session.IsPast(clock.GetUtcNow()))
        {
            return access.Refuse(turn, session.Id, "Error_SessionClosed");
        }

        if (session.Version != request.Version)
        {
            return access.Refuse(turn, session.Id, "Cancel_Stale");
        }

        var cancelled = await store.ChangeAsync(
            session.Id,
            current => current.Version == request.Version && current.State != ConferenceState.Cancelled ? current with { State = ConferenceState.Cancelled } : null,
            turn.User.Name,
            texts["Change_Cancelled", turn.User.Name],
            cancellationToken);
        if (cancelled is null)
        {
            return access.Refuse(turn, session.Id, "Cancel_Stale");
        }

        var (updated, notice) = await lifecycle.CancelledAsync(cancelled, turn.User, cancellationToken);
        return Reply.UpdatingCard(cards.StaffSession(updated, notice, texts["Cancel_Done"]));
    }
}
