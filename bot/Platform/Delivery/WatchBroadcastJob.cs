using BepBot.Infrastructure.Scheduling;

namespace BepBot.Platform.Delivery;

/// <summary>
/// Refreshes the author's status card every half minute until every delivery is final, then completes the
/// broadcast. Lives in the scheduler, so completion happens even if the instance that sent the last message died.
/// </summary>
public sealed class WatchBroadcastJob(BroadcastStatusUpdater status, JobBook jobs, TimeProvider clock) : IJobHandler
{
    public const string JobKind = "broadcast.watch";
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(30);

    public string Kind => JobKind;

    public static string JobIdOf(string broadcastId, int round) => $"broadcast-watch-{broadcastId}-{round}";

    public async Task RunAsync(ScheduledJob job, CancellationToken cancellationToken)
    {
        if (await status.WatchAsync(job.Payload, cancellationToken) is BroadcastState.Sending)
        {
            var round = int.Parse(job.Id[(job.Id.LastIndexOf('-') + 1)..], System.Globalization.CultureInfo.InvariantCulture) + 1;
            await jobs.ScheduleAsync(JobKind, JobIdOf(job.Payload, round), clock.GetUtcNow() + Interval, job.Payload, cancellationToken);
        }
    }
}
