using BepBot.Infrastructure.Storage;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace BepBot.Infrastructure.Health;

/// <summary>The store answers: the bot can read state and the roster, and claim the activities it receives.</summary>
public sealed class StorageHealthCheck(IDocumentStore store, IActivityClaims claims) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(5));
        try
        {
            if (!await store.IsReachableAsync(timeout.Token))
            {
                return HealthCheckResult.Unhealthy("Document store unreachable.");
            }

            return await claims.IsReachableAsync(timeout.Token)
                ? HealthCheckResult.Healthy("Storage reachable: documents and activity claims.")
                : HealthCheckResult.Unhealthy("Activity claims unreachable.");
        }
        catch (OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("Storage did not answer within 5 s.");
        }
    }
}
