namespace BepBot.Infrastructure.Scheduling;

/// <summary>
/// Runs one kind of job. A job runs once in the normal case, but a crash after the work and before it is recorded
/// as done makes it run again after its lease: handlers must be idempotent (check before acting).
/// The cancellation token fires when the bot stops or when this instance lost the job's lease.
/// </summary>
public interface IJobHandler
{
    string Kind { get; }

    Task RunAsync(ScheduledJob job, CancellationToken cancellationToken);
}
