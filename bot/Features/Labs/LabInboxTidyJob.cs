using System.Globalization;
using BepBot.Infrastructure.Scheduling;

namespace BepBot.Features.Labs;

/// <summary>The day after a lab, its arrival tickets (all taken into the ledger by then) are deleted.</summary>
public sealed partial class LabInboxTidyJob(LabBook book, ILogger<LabInboxTidyJob> logger) : IJobHandler
{
    public const string JobKind = "labs.tidy";

    private static readonly TimeSpan AfterStart = TimeSpan.FromDays(1);

    public string Kind => JobKind;

    public static Task ScheduleAsync(JobScheduler scheduler, Lab lab, CancellationToken cancellationToken)
    {
        // One job per start time, as for the reminder: after a date change the old job finds a different start.
        var start = lab.Details.StartsAt.UtcTicks.ToString(CultureInfo.InvariantCulture);
        return scheduler.ScheduleAsync(JobKind, $"labs-tidy-{lab.Id}-{start}", lab.Details.StartsAt + AfterStart, lab.Id + ":" + start, cancellationToken);
    }

    public async Task RunAsync(ScheduledJob job, CancellationToken cancellationToken)
    {
        var parts = job.Payload.Split(':');
        var lab = parts.Length == 2 ? await book.FindAsync(parts[0], cancellationToken) : null;
        if (lab is null || lab.Details.StartsAt.UtcTicks.ToString(CultureInfo.InvariantCulture) != parts[1])
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
