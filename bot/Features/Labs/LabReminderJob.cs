using BepBot.Infrastructure.Scheduling;
using BepBot.Platform.Delivery;
using Microsoft.Extensions.Options;

namespace BepBot.Features.Labs;

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
