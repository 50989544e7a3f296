using Microsoft.Extensions.Options;

namespace BepBot.Infrastructure.Storage;

/// <summary>
/// Deletes activity claims past their retention, every purge interval. Each instance runs it: two purges at once
/// only delete the same claims twice, which is harmless.
/// </summary>
public sealed partial class ActivityClaimPurger(
    IActivityClaims claims,
    IOptions<StorageOptions> options,
    TimeProvider clock,
    ILogger<ActivityClaimPurger> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var (retention, interval) = (options.Value.ActivityClaimRetention, options.Value.ActivityClaimPurgeInterval);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(interval, clock, stoppingToken);
                var purged = await claims.PurgeAsync(clock.GetUtcNow() - retention, stoppingToken);
                LogPurged(logger, purged, retention);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // The store may be down for a while; the next round purges what this one could not.
                LogPurgeFailed(logger, ex);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Purged {Count} activity claims older than {Retention}")]
    private static partial void LogPurged(ILogger logger, int count, TimeSpan retention);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Activity claim purge failed; retried at the next interval")]
    private static partial void LogPurgeFailed(ILogger logger, Exception exception);
}
