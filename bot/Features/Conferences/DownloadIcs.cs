using System.Text.Json;
using BepBot.Cards;
using BepBot.Chat;
using BepBot.Infrastructure.Exports;
using BepBot.Infrastructure.Time;
using Microsoft.Extensions.Localization;

namespace BepBot.Features.Conferences;

/// <summary>`conferences.ics`: a fresh download link to the session's .ics (a link in an old card would have expired).</summary>
public sealed class DownloadIcs(ConferenceAccess access, ConferenceCards cards, ExportStore exports, LinkValidity validity, IStringLocalizer<ConferencesTexts> texts) : ICardActionHandler
{
    public async Task<Reply> HandleAsync(ChatTurn turn, JsonElement data, CancellationToken cancellationToken)
    {
        var request = CardData.Read<SessionRef>(data);
        var (session, refusal) = await access.FindAsync(turn, request.SessionId, cancellationToken);
        if (session is null)
        {
            return refusal!;
        }

        if (session.StartsAt is null || session.State == ConferenceState.Cancelled)
        {
            return access.Refuse(turn, session.Id, "Ics_NoDate");
        }

        var description = texts["Ics_Description", session.Title, cards.Scope(session), cards.Place(session)];
        var link = await exports.SaveAsync(ExportContent.NoPersonalData, $"conference-{BelgianTime.ToBrussels(session.StartsAt.Value):yyyy-MM-dd}.ics", "text/calendar", ConferenceCalendar.Ics(session, description), cancellationToken);
        var card = cards.Notice(texts["Ics_Title", CardText.EscapeMarkdown(session.Title)], texts["Ics_Message", validity.Of(link)], url: link.Url.ToString(), urlTitle: texts["Ics_Open"]);
        return Reply.WithCard(card, texts["Ics_Title", session.Title]);
    }
}
