using System.Text.Json;
using BepBot.Chat;
using Microsoft.Extensions.Localization;

namespace BepBot.Features.Conferences;

/// <summary>`conferences.cancel`: asks staff to confirm, naming the version they are cancelling.</summary>
public sealed class AskToCancelConference(ConferenceAccess access, ConferenceCards cards, IStringLocalizer<ConferencesTexts> texts, TimeProvider clock) : ICardActionHandler
{
    public async Task<Reply> HandleAsync(ChatTurn turn, JsonElement data, CancellationToken cancellationToken)
    {
        var request = CardData.Read<SessionRef>(data);
        var (session, refusal) = await access.FindAsync(turn, request.SessionId, cancellationToken);
        if (session is null)
        {
            return refusal!;
        }

        if (session.State == ConferenceState.Cancelled || session.IsPast(clock.GetUtcNow()))
        {
            return access.Refuse(turn, session.Id, "Error_SessionClosed");
        }

        var card = cards.Notice(
            texts["Cancel_ConfirmTitle", Cards.CardText.EscapeMarkdown(session.Title)],
            texts["Cancel_ConfirmMessage"],
            cards.Facts(session, forStaff: false),
            sessionId: session.Id,
            confirm: texts["Cancel_ConfirmButton"],
            version: session.Version);
        return Reply.WithCard(card, texts["Cancel_ConfirmTitle", session.Title]);
    }
}
