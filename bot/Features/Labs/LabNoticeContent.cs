using System.Globalization;
using BepBot.Cards;
using BepBot.Chat;
using BepBot.Infrastructure.Scheduling;
using BepBot.Infrastructure.Text;
using BepBot.Platform.Delivery;
using Microsoft.Extensions.Options;

namespace BepBot.Features.Labs;

/// <summary>The labs' notices sent through the broadcast engine, rendered per recipient in their language at delivery time.</summary>
public sealed class LabNoticeContent(LabBook book, LabCards cards) : IBroadcastContent
{
    public const string ContentKind = "labs.notice";
    public const string Reminder = "reminder";
    public const string Cancelled = "cancelled";
    public const string Changed = "changed";

    public string Kind => ContentKind;

    public async Task<OutgoingMessage?> RenderAsync(string reference, string recipientKey, CultureInfo culture, CancellationToken cancellationToken)
    {
        var parts = reference.Split(':');
        var lab = parts.Length == 2 ? await book.FindAsync(parts[1], cancellationToken) : null;
        var person = AudienceResolver.AadObjectIdOf(recipientKey);
        if (lab is null || person is null)
        {
            return null;
        }

        using var scope = CultureScope.Use(culture);
        var title = CardText.EscapeMarkdown(lab.Details.Title);
        var standing = lab.StandingOf(person);
        return parts[0] switch
        {
            // Only people who still hold a seat when it goes out: a reminder to someone who cancelled would mislead.
            Reminder when lab.State != LabState.Cancelled && standing?.Registration.Status == SeatStatus.Confirmed =>
                await cards.NoticeAsync(lab, cards.Texts["Reminder_Title", lab.Details.Title], cards.Texts["Reminder_Message", title, cards.Where(lab)], withCalendar: true, cancellationToken),
            Cancelled when lab.State == LabState.Cancelled =>
                await cards.NoticeAsync(lab, cards.Texts["Cancelled_Title", lab.Details.Title], cards.Texts["Cancelled_Message", title], withCalendar: false, cancellationToken),
            Changed when lab.State != LabState.Cancelled && standing is not null =>
                await cards.NoticeAsync(lab, cards.Texts["Changed_Title", lab.Details.Title], cards.Texts["Changed_Message", title, cards.StandingText(lab, standing)], withCalendar: standing.Registration.Status == SeatStatus.Confirmed, cancellationToken),
            _ => null,
        };
    }
}

/// <summary>The day-before reminder (Labs:ReminderBefore), to confirmed registrants only, with the place or the link.</summary>
public sealed partial class LabReminderJob(LabBook book, Broadcaster broadcaster, ILogger<LabReminderJob> logger) : IJobHandler
{
    public const string JobKind = "labs.reminder";

    public string Kind => JobKind;

    public static Task ScheduleAsync(JobBook jobs, Lab lab, IOptions<LabsOptions> options, CancellationToken cancellationToken) =>
        LabStartJob.Of(lab).ScheduleAsync(jobs, JobKind, "labs-reminder", lab.Details.StartsAt - options.Value.ReminderBefore, cancellationToken);

    public async Task RunAsync(ScheduledJob job, CancellationToken cancellationToken)
    {
        if (LabStartJob.Parse(job.Payload) is not { } startJob
            || await startJob.CurrentLabAsync(book, cancellationToken) is not { } lab
            || lab.State == LabState.Cancelled)
        {
            LogSkipped(logger, job.Payload);
            return;
        }

        lab = await book.TakeInAsync(lab.Id, cancellationToken: cancellationToken);
        var confirmed = lab.Confirmed.Select(registration => registration.AadObjectId).Distinct().ToList();
        if (confirmed.Count == 0)
        {
            LogSkipped(logger, job.Payload);
            return;
        }

        await broadcaster.StartAsync(
            new BroadcastRequest(
                lab.Details.Title,
                lab.Details.Title,
                new Audience(AudienceKind.Members, Members: confirmed),
                "bepbot",
                "BepBot",
                new BroadcastContent(LabNoticeContent.ContentKind, LabNoticeContent.Reminder + ":" + lab.Id),
                Id: "labremind" + lab.Id + startJob.Start),
            cancellationToken);
        LogSent(logger, lab.Id, confirmed.Count);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Lab reminder {Payload} skipped (lab gone, cancelled, moved or nobody confirmed)")]
    private static partial void LogSkipped(ILogger logger, string payload);

    [LoggerMessage(Level = LogLevel.Information, Message = "Lab {LabId}: reminder sent to {Count} confirmed registrants")]
    private static partial void LogSent(ILogger logger, string labId, int count);
}
