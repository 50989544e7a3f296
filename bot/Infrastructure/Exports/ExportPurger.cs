using Microsoft.Extensions.Options;

namespace BepBot.Infrastructure.Exports;

/// <summary>
/// Deletes expired export files every purge interval, so that a person's data does not outlive its link. Each instance
/// runs it: two purges at once only try to delete the same files twice, which is harmless.
/// </summary>
public sealed partial class ExportPurger(ExportStore exports, IOptions<ExportOptions> options, TimeProvider clock, ILogger<ExportPurger> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(options.Value.PurgeInterval, clock, stoppingToken);
                var purged = await exports.PurgeExpiredAsync(stoppingToken);
                if (purged > 0)
                {
                    LogPurged(logger, purged);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // The store may be down for a while; the next round purges what this one could not, and an expired
                // file is never served meanwhile.
                LogPurgeFailed(logger, ex);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Purged {Count} expired export files")]
    private static partial void LogPurged(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Export purge failed; retried at the next interval")]
    private static partial void LogPurgeFailed(ILogger logger, Exception exception);
}
