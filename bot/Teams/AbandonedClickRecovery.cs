using BepBot.Infrastructure.Storage;
using BepBot.Infrastructure.Telemetry;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Options;
using Newtonsoft.Json;

namespace BepBot.Teams;

/// <summary>
/// A click answered « pris en compte » is kept in its claim until its work ends. If the instance working on it dies,
/// nobody will resend it (Teams had its answer): past <see cref="StorageOptions.AbandonedClickAfter"/>, any instance runs it again from the claim,
/// through the whole pipeline as if Teams had resent it, and its card is updated as usual.
/// </summary>
public sealed partial class AbandonedClickRecovery(
    IActivityClaims claims,
    IServiceScopeFactory scopes,
    IOptions<StorageOptions> options,
    TimeProvider clock,
    ILogger<AbandonedClickRecovery> logger) : BackgroundService
{
    /// <summary>Runs every abandoned click once; returns how many were run.</summary>
    public async Task<int> RecoverAsync(CancellationToken cancellationToken = default)
    {
        var recovered = 0;
        await foreach (var claim in claims.AbandonedAsync(clock.GetUtcNow() - options.Value.AbandonedClickAfter, cancellationToken))
        {
            var activity = JsonConvert.DeserializeObject<Activity>(claim.Value.Replay!);
            if (activity is null)
            {
                continue;
            }

            LogRecovering(logger, activity.Type, claim.Value.Instance, claim.Value.ReceivedAt);
            await using var scope = scopes.CreateAsyncScope();
            // The adapter is asked for here, not at start: building it before the host validated the bot's identity
            // settings would fail with the SDK's message instead of ours.
            var adapter = scope.ServiceProvider.GetRequiredService<BepBotAdapter>();
            var bot = scope.ServiceProvider.GetRequiredService<BepBotActivityHandler>();
            await adapter.RunKeptAsync(activity, bot.OnTurnAsync, cancellationToken);
            recovered++;
        }

        return recovered;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(options.Value.AbandonedClickScanInterval, clock, stoppingToken);
                await RecoverAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // The store may be down for a while; the next round finds the same clicks.
                LogRecoveryFailed(logger, ex);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Running again a {ActivityType} activity received at {ReceivedAt}, abandoned by instance {Instance} before its work ended")]
    private static partial void LogRecovering(ILogger logger, string activityType, string? instance, DateTimeOffset receivedAt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Looking for abandoned clicks failed; trying again later")]
    private static partial void LogRecoveryFailed(ILogger logger, Exception exception);
}
