namespace BepBot.Infrastructure.Scheduling;

public sealed class SchedulingOptions
{
    public const string Section = "Scheduling";

    /// <summary>
    /// How often an instance sweeps every job (other instances' jobs, expired leases). The jobs an instance schedules
    /// itself run on time without waiting for a sweep.
    /// </summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a claimed job stays ours without renewal; renewed every third of it while the handler runs.</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Failed runs after which a job is Failed for good.</summary>
    public int MaxAttempts { get; set; } = 5;

    /// <summary>Wait before the first retry; doubled for each further one, at most one hour.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Done, Failed and Cancelled jobs are deleted this long after they finished, so each pass stays short.</summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(30);
}
