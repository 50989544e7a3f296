using BepBot.Chat;
using BepBot.Infrastructure.Scheduling;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace BepBot.Features.Projects;

/// <summary>`synchroniser projets` (staff): a sync now, with what changed or why nothing did.</summary>
public sealed partial class SynchronizeProjects(
    ProjectSync sync,
    IStringLocalizer<ProjectsTexts> texts,
    ILogger<SynchronizeProjects> logger) : ICommandHandler
{
    public async Task<Reply> HandleAsync(ChatTurn turn, string arguments, CancellationToken cancellationToken)
    {
        if (!sync.IsConfigured)
        {
            return Reply.WithText(texts["Sync_NotConfigured"]);
        }

        try
        {
            var result = await sync.RunAsync(turn.User.Name, cancellationToken);
            return Reply.WithText(texts[
                "Sync_Done",
                texts[result.Incremental ? "Sync_Incremental" : "Sync_Full"],
                result.Added, result.Updated, result.Removed, result.Skipped, result.Total]);
        }
        catch (ProjectSyncException ex)
        {
            LogFailed(logger, ex, turn.User.AadObjectId);
            return Reply.WithText(ex.Reason == "conflict" ? texts["Sync_Conflict"] : texts["Sync_Failed", ex.Reason]);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Project sync asked by {User} failed; the register is unchanged")]
    private static partial void LogFailed(ILogger logger, Exception exception, string user);
}

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

/// <summary>At start, when SharePoint is configured, makes sure the next periodic sync is scheduled.</summary>
public sealed class ProjectSyncStarter(ProjectSync sync, JobBook jobs, IOptions<ProjectsOptions> options, TimeProvider clock) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!sync.IsConfigured || options.Value.SyncInterval <= TimeSpan.Zero)
        {
            return;
        }

        var (id, dueAt) = ProjectSyncJob.NextSlot(clock.GetUtcNow(), options.Value.SyncInterval);
        await jobs.ScheduleAsync(ProjectSyncJob.JobKind, id, dueAt, string.Empty, cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
