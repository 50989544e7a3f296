using Microsoft.Extensions.Options;

namespace BepBot.Infrastructure.Scheduling;

/// <summary>Runs the scheduler's passes every PollInterval for the life of the bot, under an owner name unique to this instance.</summary>
public sealed partial class JobSchedulerService(
    JobScheduler scheduler,
    TimeProvider clock,
    IOptions<SchedulingOptions> options,
    ILogger<JobSchedulerService> logger) : BackgroundService
{
    public string Owner { get; } = $"{Environment.MachineName}-{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..8]}";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Off the start-up path: the host waits for ExecuteAsync's synchronous part.
        await Task.Yield();
        var interval = options.Value.PollInterval;
        Log.Started(logger, Owner, interval);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await scheduler.RunDueJobsAsync(Owner, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // A store outage must not end timed work for the life of the process: the next pass tries again.
                Log.PassFailed(logger, ex, Owner);
            }

            try
            {
                await Task.Delay(interval, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Information, Message = "Job scheduler {Owner} polls every {PollInterval}")]
        public static partial void Started(ILogger logger, string owner, TimeSpan pollInterval);

        [LoggerMessage(Level = LogLevel.Error, Message = "Job scheduler {Owner}: a pass failed; next pass at the usual interval")]
        public static partial void PassFailed(ILogger logger, Exception exception, string owner);
    }
}
