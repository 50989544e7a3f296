using Microsoft.Extensions.Options;

namespace BepBot.Infrastructure.Scheduling;

/// <summary>
/// Runs <see cref="JobRunner"/> passes for the life of the bot, under an owner name unique to this instance: when a
/// job this instance scheduled falls due, and otherwise every PollInterval (the sweep that finds every other job).
/// </summary>
public sealed partial class JobRunnerService(
    JobRunner runner,
    LocalDueTimes dueTimes,
    TimeProvider clock,
    IOptions<SchedulingOptions> options,
    ILogger<JobRunnerService> logger) : BackgroundService
{
    private static readonly TimeSpan AfterFailedPass = TimeSpan.FromSeconds(5);

    public string Owner { get; } = $"{Environment.MachineName}-{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..8]}";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Off the start-up path: the host waits for ExecuteAsync's synchronous part.
        await Task.Yield();
        var interval = options.Value.PollInterval;
        Log.Started(logger, Owner, interval);
        var runPass = true;
        var sweepAt = DateTimeOffset.MinValue;
        while (!stoppingToken.IsCancellationRequested)
        {
            // Taken before the pass: a job scheduled during it wakes the service up again.
            var dueTimeAdded = dueTimes.Added;
            if (runPass)
            {
                var passStartedAt = clock.GetUtcNow();
                dueTimes.ForgetUpTo(passStartedAt);
                try
                {
                    await runner.RunDueJobsAsync(Owner, stoppingToken);
                    sweepAt = passStartedAt + interval;
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                    return;
                }
                catch (Exception ex)
                {
                    // A store outage must not end timed work for the life of the process: the next pass tries again.
                    Log.PassFailed(logger, ex, Owner);
                    sweepAt = passStartedAt + (interval < AfterFailedPass ? interval : AfterFailedPass);
                }
            }

            // A job scheduled here for later only moves the wake-up time: no pass until something is due.
            var wakeAt = dueTimes.Earliest() is { } due && due < sweepAt ? due : sweepAt;
            if (!await WaitAsync(wakeAt - clock.GetUtcNow(), dueTimeAdded, stoppingToken))
            {
                return;
            }

            var now = clock.GetUtcNow();
            runPass = now >= sweepAt || dueTimes.Earliest() is { } next && next <= now;
        }
    }

    /// <returns>False when the bot stops.</returns>
    private async Task<bool> WaitAsync(TimeSpan wait, Task dueTimeAdded, CancellationToken stoppingToken)
    {
        using var waiting = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var delay = Task.Delay(wait > TimeSpan.Zero ? wait : TimeSpan.Zero, clock, waiting.Token);
        await Task.WhenAny(delay, dueTimeAdded);
        await waiting.CancelAsync();
        try
        {
            await delay;
        }
        catch (OperationCanceledException)
        {
            // The delay was cut short: a job was scheduled here, or the bot stops.
        }

        return !stoppingToken.IsCancellationRequested;
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Information, Message = "Job scheduler {Owner} sweeps every {PollInterval}, and wakes up for the jobs it schedules")]
        public static partial void Started(ILogger logger, string owner, TimeSpan pollInterval);

        [LoggerMessage(Level = LogLevel.Error, Message = "Job scheduler {Owner}: a pass failed; next pass in a few seconds")]
        public static partial void PassFailed(ILogger logger, Exception exception, string owner);
    }
}
