using BepBot.Infrastructure.Scheduling;

namespace BepBot.Features.Labs;

/// <summary>The day after a lab, its arrival tickets (all taken into the ledger by then) are deleted.</summary>
public sealed partial class LabInboxTidyJob(LabBook book, ILogger<LabInboxTidyJob> logger) : IJobHandler
{
    public const string JobKind = "labs.tidy";

    private static readonly TimeSpan AfterStart = TimeSpan.FromDays(1);

    public string Kind => JobKind;

    public static Task ScheduleAsync(JobBook jobs, Lab lab, CancellationToken cancellationToken) =>
        LabStartJob.Of(lab).ScheduleAsync(jobs, JobKind, "labs-tidy", lab.Details.StartsAt + AfterStart, cancellationToken);

    public async Task RunAsync(ScheduledJob job, CancellationToken cancellationToken)
    {
        if (LabStartJob.Parse(job.Payload) is not { } startJob || await startJob.CurrentLabAsync(book, cancellationToken) is not { } lab)
        {
            LogSkipped(logger, job.Payload);
            return;
        }

        var tidied = await book.TidyInboxAsync(lab.Id, cancellationToken);
        LogTidied(logger, lab.Id, tidied);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Lab inbox tidy {Payload} skipped (lab gone or moved)")]
    private static partial void LogSkipped(ILogger logger, string payload);

    [LoggerMessage(Level = LogLevel.Information, Message = "Lab {LabId}: {Count} arrival tickets deleted (all in the ledger)")]
    private static partial void LogTidied(ILogger logger, string labId, int count);
}
