using BepBot.Cards;
using BepBot.Chat;
using BepBot.Infrastructure.Text;

namespace BepBot.Features.Labs;

/// <summary>
/// Tells people promoted from the waiting list at once, in their own chat and language. Sent directly (not queued as
/// a broadcast) because it is one message to one person and must not wait behind a broadcast's pacing.
/// </summary>
public sealed partial class LabNotifier(
    ConversationDirectory conversations,
    IProactiveMessenger messenger,
    IServiceProvider services,
    ILogger<LabNotifier> logger)
{
    public async Task PromotedAsync(Lab lab, IReadOnlyList<Registration> promoted, CancellationToken cancellationToken)
    {
        // Resolved late: LabCards needs the export store, and the notifier sits under the lab book.
        var cards = services.GetRequiredService<LabCards>();
        foreach (var registration in promoted)
        {
            var conversation = await conversations.FindPersonalAsync(registration.AadObjectId, cancellationToken);
            if (conversation is null)
            {
                LogNoConversation(logger, lab.Id, registration.AadObjectId);
                continue;
            }

            try
            {
                OutgoingMessage message;
                using (CultureScope.Use(Cultures.FromLocale(conversation.Locale)))
                {
                    message = await cards.NoticeAsync(
                        lab,
                        cards.Texts["Promoted_Title"],
                        cards.Texts["Promoted_Message", CardText.EscapeMarkdown(lab.Details.Title)],
                        withCalendar: true,
                        cancellationToken);
                }

                await messenger.SendAsync(conversation, message, cancellationToken);
                LogPromoted(logger, lab.Id, registration.AadObjectId);
            }
            catch (ProactiveSendException ex)
            {
                LogNotTold(logger, ex, lab.Id, registration.AadObjectId);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Lab {LabId}: {User} promoted from the waiting list and told")]
    private static partial void LogPromoted(ILogger logger, string labId, string user);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Lab {LabId}: {User} promoted but has no chat with the bot to be told in")]
    private static partial void LogNoConversation(ILogger logger, string labId, string user);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Lab {LabId}: {User} promoted but Teams refused the message")]
    private static partial void LogNotTold(ILogger logger, Exception exception, string labId, string user);
}
