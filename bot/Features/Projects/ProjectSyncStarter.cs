using BepBot.Infrastructure.Scheduling;
using Microsoft.Extensions.Options;

namespace BepBot.Features.Projects;

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
