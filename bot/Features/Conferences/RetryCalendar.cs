using System.Text.Json;
using BepBot.Chat;

namespace BepBot.Features.Conferences;

/// <summary>`conferences.retryCalendar`: staff try the Outlook update again after a failure.</summary>
public sealed class RetryCalendar(ConferenceAccess access, ConferenceCalendar calendar, ConferenceCards cards) : ICardActionHandler
{
    public async Task<Reply> HandleAsync(ChatTurn turn, JsonElement data, CancellationToken cancellationToken)
    {
        var request = CardData.Read<SessionRef>(data);
        var (session, refusal) = await access.FindAsync(turn, request.SessionId, cancellationToken);
        if (session is null)
        {
            return refusal!;
        }

        var synced = await calendar.SyncAsync(session.Id, cancellationToken) ?? session;
        return Reply.UpdatingCard(cards.StaffSession(synced, calendar.Outcome(synced)));
    }
}
