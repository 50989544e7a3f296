using Microsoft.Extensions.Options;

namespace BepBot.Infrastructure.Scheduling;

/// <summary>
/// Runs the scheduler's passes for the life of the bot, under an owner name unique to this instance: when a job this
/// instance scheduled falls due, and otherwise every PollInterval (the sweep that finds every other job).
/// </summary>
public sealed partial class JobSchedulerService(
    JobScheduler scheduler,
    TimeProvider clock,
    IOptions<SchedulingOptions> options,
    ILogger<JobSchedulerService> logger) : BackgroundService
{
    private static readonly TimeSpan AfterFailedPass = TimeSpan.FromSeconds(5);

    public string Owner { get; } = $"{Environment.MachineName}-{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..8]}";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Off the start-up path: the host waits for ExecuteAsync's synchronous part.
        await Task.Yield();
        var interval = options.Value.PollInterval;
        Log.Started(logger, Owner, interval);
        while (!stoppingToken.IsCancellationRequested)
        {
            var dueTimeAdded = scheduler.DueTimeAdded;
            var passStartedAt = clock.GetUtcNow();
            TimeSpan wait;
            try
            {
                await scheduler.RunDueJobsAsync(Owner, stoppingToken);
                wait = scheduler.NextKnownDueAfter(passStartedAt) is { } due && due - clock.GetUtcNow() < interval
                    ? TimeSpan.FromTicks(Math.Max(0, (due - clock.GetUtcNow()).Ticks))
                    : interval;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // A store outage must not end timed work for the life of the process: the next pass tries again.
                Log.PassFailed(logger, ex, Owner);
                wait = interval < AfterFailedPass ? interval : AfterFailedPass;
            }

            if (!await WaitAsync(wait, dueTimeAdded, stoppingToken))
            {
                return;
            }
        }
    }

    /// <returns>False when the bot stops.</returns>
    private async Task<bool> WaitAsync(TimeSpan wait, Task dueTimeAdded, CancellationToken stoppingToken)
    {
        using var waiting = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var delay = Task.Delay(wait, clock, waiting.Token);
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
