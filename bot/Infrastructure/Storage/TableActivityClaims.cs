using System.Diagnostics;
using Azure;
using Azure.Data.Tables;
using BepBot.Infrastructure.Telemetry;

namespace BepBot.Infrastructure.Storage;

/// <summary>
/// Claims as entities of an Azure Table (Azurite locally), one partition per activity. A claim is written on every
/// message and card click; as blobs they would share the document container's listings, and Azurite looks up a blob
/// by scanning every blob of the account, so each claim would slow every later store call.
/// </summary>
public sealed class TableActivityClaims(TableClient table, TimeProvider clock, BepBotMetrics metrics) : IActivityClaims
{
    private const string RowKey = "activity";
    private const int PurgeParallelism = 8;
    private volatile bool _tableExists;

    public Uri TableUri => table.Uri;

    public async Task<bool> TryClaimAsync(string activityKey, string activityType, CancellationToken cancellationToken = default)
    {
        var claim = Guid.NewGuid().ToString("N");
        var entity = new TableEntity(activityKey, RowKey)
        {
            ["ActivityType"] = activityType,
            ["ReceivedAt"] = clock.GetUtcNow(),
            ["Claim"] = claim,
        };
        await EnsureTableAsync(cancellationToken);
        var started = Stopwatch.GetTimestamp();
        try
        {
            await table.AddEntityAsync(entity, cancellationToken);
            metrics.RecordStoreOperation("claim", "ok", Stopwatch.GetElapsedTime(started));
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            metrics.RecordStoreOperation("claim", "conflict", Stopwatch.GetElapsedTime(started));
            // The storage client resends an insert whose response was lost: then the conflict is with ourselves.
            var existing = await table.GetEntityIfExistsAsync<TableEntity>(activityKey, RowKey, ["Claim"], cancellationToken);
            return existing.HasValue && existing.Value!.GetString("Claim") == claim;
        }
        catch (Exception)
        {
            metrics.RecordStoreOperation("claim", "error", Stopwatch.GetElapsedTime(started));
            throw;
        }
    }

    public async Task<int> PurgeAsync(DateTimeOffset receivedBefore, CancellationToken cancellationToken = default)
    {
        await EnsureTableAsync(cancellationToken);
        var expired = table.QueryAsync<TableEntity>(
            TableClient.CreateQueryFilter($"ReceivedAt lt {receivedBefore}"), select: ["PartitionKey", "RowKey"], cancellationToken: cancellationToken);
        var purged = 0;
        await Parallel.ForEachAsync(expired, new ParallelOptions { MaxDegreeOfParallelism = PurgeParallelism, CancellationToken = cancellationToken },
            async (entity, token) =>
            {
                // Deleting what another instance's purge already deleted answers 404, which the client does not throw on.
                var response = await table.DeleteEntityAsync(entity.PartitionKey, entity.RowKey, ETag.All, token);
                if (response.Status != 404)
                {
                    Interlocked.Increment(ref purged);
                }
            });
        return purged;
    }

    public async Task<bool> IsReachableAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            await EnsureTableAsync(cancellationToken);
            await foreach (var _ in table.QueryAsync<TableEntity>(maxPerPage: 1, select: ["PartitionKey"], cancellationToken: cancellationToken).AsPages())
            {
                break;
            }

            return true;
        }
        catch (RequestFailedException)
        {
            return false;
        }
    }

    private async Task EnsureTableAsync(CancellationToken cancellationToken)
    {
        if (!_tableExists)
        {
            await table.CreateIfNotExistsAsync(cancellationToken);
            _tableExists = true;
        }
    }
}
