namespace BepBot.Infrastructure.Scheduling;

public enum JobState
{
    Pending,
    Running,
    Done,
    Failed,
    Cancelled,
}

/// <summary>
/// A unit of timed work, stored as the document <c>jobs/{id}</c>. <see cref="Attempts"/> counts failed runs (a handler
/// exception, or an owner that crashed and let its lease expire). <see cref="Payload"/> is the handler's own data,
/// usually JSON.
/// </summary>
public sealed record ScheduledJob(
    string Id,
    string Kind,
    DateTimeOffset DueAt,
    string Payload,
    JobState State,
    int Attempts,
    string? Owner,
    DateTimeOffset? LeaseUntil,
    DateTimeOffset? CompletedAt,
    string? LastError);

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
