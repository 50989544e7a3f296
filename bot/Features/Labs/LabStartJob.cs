using System.Globalization;
using BepBot.Infrastructure.Scheduling;
using Microsoft.Extensions.Options;

namespace BepBot.Features.Labs;

/// <summary>
/// A job tied to a lab's start time (the reminder before, the inbox tidy after). Its id and payload carry the start:
/// after a date change a new job is scheduled, and the old one finds a different start and does nothing.
/// </summary>
public sealed record LabStartJob(string LabId, string Start)
{
    public static LabStartJob Of(Lab lab) => new(lab.Id, StartOf(lab));

    public string Payload => LabId + ":" + Start;

    public static LabStartJob? Parse(string payload) =>
        payload.Split(':') is [var labId, var start] ? new LabStartJob(labId, start) : null;

    /// <summary>The lab this job is for, still starting at the time it was scheduled for; null otherwise.</summary>
    public async Task<Lab?> CurrentLabAsync(LabBook book, CancellationToken cancellationToken) =>
        await book.FindAsync(LabId, cancellationToken) is { } lab && StartOf(lab) == Start ? lab : null;

    public Task<ScheduledJob> ScheduleAsync(JobBook jobs, string kind, string idPrefix, DateTimeOffset dueAt, CancellationToken cancellationToken) =>
        jobs.ScheduleAsync(kind, $"{idPrefix}-{LabId}-{Start}", dueAt, Payload, cancellationToken);

    /// <summary>Every job tied to the lab's start: at creation, and again when the date moves.</summary>
    public static async Task ScheduleAllAsync(JobBook jobs, Lab lab, IOptions<LabsOptions> options, CancellationToken cancellationToken)
    {
        await LabReminderJob.ScheduleAsync(jobs, lab, options, cancellationToken);
        await LabInboxTidyJob.ScheduleAsync(jobs, lab, cancellationToken);
    }

    private static string StartOf(Lab lab) => lab.Details.StartsAt.UtcTicks.ToString(CultureInfo.InvariantCulture);
}
