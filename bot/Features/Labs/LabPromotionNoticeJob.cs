using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using BepBot.Cards;
using BepBot.Chat;
using BepBot.Infrastructure.Scheduling;
using BepBot.Infrastructure.Telemetry;
using BepBot.Infrastructure.Text;
using BepBot.Platform.Delivery;

namespace BepBot.Features.Labs;

/// <summary>Sends one promotion notice, unless the person has left the seat since; Teams refusing for a while is retried.</summary>
public sealed partial class LabPromotionNoticeJob(
    LabBook book,
    ConversationDirectory conversations,
    ProactiveSender sender,
    LabCards cards,
    ILogger<LabPromotionNoticeJob> logger) : IJobHandler
{
    public const string JobKind = "labs.promoted";

    public string Kind => JobKind;

    /// <summary>One job per promotion: the same person promoted again later (after leaving the seat) is told again.</summary>
    public static string JobIdOf(string labId, Registration registration)
    {
        var promotion = string.Join('|', registration.AadObjectId.ToLowerInvariant(), registration.Ticket, registration.ChangedAt.UtcTicks.ToString(CultureInfo.InvariantCulture));
        return $"labs-promoted-{labId}-{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(promotion)))[..24]}";
    }

    public async Task RunAsync(ScheduledJob job, CancellationToken cancellationToken)
    {
        var parts = job.Payload.Split(':');
        var lab = parts.Length == 2 ? await book.FindAsync(parts[0], cancellationToken) : null;
        if (lab is null || lab.State == LabState.Cancelled || lab.StandingOf(parts[1])?.Registration.Status != SeatStatus.Confirmed)
        {
            LogNoLongerConfirmed(logger, parts[0], parts.Length == 2 ? parts[1] : string.Empty);
            return;
        }

        var conversation = await conversations.FindPersonalAsync(parts[1], cancellationToken);
        if (conversation is null)
        {
            LogNoConversation(logger, lab.Id, parts[1]);
            return;
        }

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

        var outcome = await sender.SendForJobAsync(conversation, message, cancellationToken);
        if (outcome is ProactiveOutcome.Sent)
        {
            LogPromoted(logger, lab.Id, parts[1]);
        }
        else
        {
            // The app was removed, the chat is gone, or Teams refused the message itself: no retry would help.
            LogNotTold(logger, lab.Id, parts[1], outcome);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Lab {LabId}: {User} promoted from the waiting list and told")]
    private static partial void LogPromoted(ILogger logger, string labId, [PseudonymousId] string user);

    [LoggerMessage(Level = LogLevel.Information, Message = "Lab {LabId}: {User} no longer holds the seat they were promoted to; not told")]
    private static partial void LogNoLongerConfirmed(ILogger logger, string labId, [PseudonymousId] string user);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Lab {LabId}: {User} promoted but has no chat with the bot to be told in")]
    private static partial void LogNoConversation(ILogger logger, string labId, [PseudonymousId] string user);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Lab {LabId}: {User} promoted but could not be told ({Outcome})")]
    private static partial void LogNotTold(ILogger logger, string labId, [PseudonymousId] string user, ProactiveOutcome outcome);
}
