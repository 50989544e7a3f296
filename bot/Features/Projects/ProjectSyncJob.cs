using BepBot.Infrastructure.Scheduling;
using Microsoft.Extensions.Options;

namespace BepBot.Features.Projects;

/// <summary>
/// The periodic sync: each run schedules the next slot first (ids are the slot's time, so several instances
/// schedule it once), then syncs; a failure is retried by the scheduler and leaves the register unchanged.
/// </summary>
public sealed class ProjectSyncJob(ProjectSync sync, JobBook jobs, IOptions<ProjectsOptions> options, TimeProvider clock) : IJobHandler
{
    public const string JobKind = "projects.sync";

    public string Kind => JobKind;

    public static (string Id, DateTimeOffset DueAt) NextSlot(DateTimeOffset now, TimeSpan interval)
    {
        var due = new DateTimeOffset((now.UtcTicks / interval.Ticks + 1) * interval.Ticks, TimeSpan.Zero);
        return ("projects-sync-" + due.ToString("yyyyMMddHHmm", System.Globalization.CultureInfo.InvariantCulture), due);
    }

    public async Task RunAsync(ScheduledJob job, CancellationToken cancellationToken)
    {
        if (options.Value.SyncInterval > TimeSpan.Zero)
        {
            var (id, dueAt) = NextSlot(clock.GetUtcNow(), options.Value.SyncInterval);
            await jobs.ScheduleAsync(JobKind, id, dueAt, string.Empty, cancellationToken);
        }

        if (sync.IsConfigured)
        {
            await sync.RunAsync("synchronisation planifiée", cancellationToken);
        }
    }
}
