using System.Runtime.CompilerServices;
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
public sealed class TableActivityClaims(TableClient table, TimeProvider clock, TimeSpan lease, BepBotMetrics metrics) : LeasedActivityClaims(clock, lease)
{
    private const string RowKey = "activity";
    private const int PurgeParallelism = 8;
    private volatile bool _tableExists;

    public Uri TableUri => table.Uri;

    public override async Task<int> PurgeAsync(DateTimeOffset receivedBefore, CancellationToken cancellationToken = default)
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

    public override async IAsyncEnumerable<Document<ActivityClaimRecord>> AbandonedAsync(DateTimeOffset receivedBefore, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await EnsureTableAsync(cancellationToken);
        // Only a claim still keeping its activity has the property: the query skips every completed one.
        var kept = TableClient.CreateQueryFilter($"Replay ne {string.Empty} and ReceivedAt lt {receivedBefore}");
        await foreach (var entity in table.QueryAsync<TableEntity>(kept, cancellationToken: cancellationToken))
        {
            var record = RecordOf(entity);
            if (record.IsAbandoned(receivedBefore, Now))
            {
                yield return new Document<ActivityClaimRecord>(entity.PartitionKey, record, entity.ETag.ToString());
            }
        }
    }

    public override async Task<bool> IsReachableAsync(CancellationToken cancellationToken = default)
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

    protected override async Task<string?> TryCreateAsync(string activityKey, ActivityClaimRecord record, CancellationToken cancellationToken)
    {
        await EnsureTableAsync(cancellationToken);
        return await TimedAsync(async () => (await table.AddEntityAsync(EntityOf(activityKey, record), cancellationToken)).Headers.ETag?.ToString(), refused: null, 409);
    }

    protected override async Task<Document<ActivityClaimRecord>?> ReadAsync(string activityKey, CancellationToken cancellationToken)
    {
        await EnsureTableAsync(cancellationToken);
        var found = await table.GetEntityIfExistsAsync<TableEntity>(activityKey, RowKey, cancellationToken: cancellationToken);
        return found.HasValue ? new Document<ActivityClaimRecord>(activityKey, RecordOf(found.Value!), found.Value!.ETag.ToString()) : null;
    }

    protected override async Task<string?> TryReplaceAsync(string activityKey, ActivityClaimRecord record, string etag, CancellationToken cancellationToken)
    {
        await EnsureTableAsync(cancellationToken);
        return await TimedAsync(
            async () => (await table.UpdateEntityAsync(EntityOf(activityKey, record), new ETag(etag), TableUpdateMode.Replace, cancellationToken)).Headers.ETag?.ToString(),
            refused: null,
            404,
            412);
    }

    protected override async Task<bool> TryDeleteAsync(string activityKey, string etag, CancellationToken cancellationToken)
    {
        await EnsureTableAsync(cancellationToken);
        // A claim already gone answers 404, which the client does not throw on.
        return await TimedAsync(async () => (await table.DeleteEntityAsync(activityKey, RowKey, new ETag(etag), cancellationToken)).Status != 404, refused: false, 412);
    }

    /// <summary>Runs one conditional write, timed as a "claim" store operation; <paramref name="refused"/> when the service refused it with one of <paramref name="refusals"/>.</summary>
    private async Task<T> TimedAsync<T>(Func<Task<T>> write, T refused, params int[] refusals)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            var result = await write();
            metrics.RecordStoreOperation("claim", "ok", Stopwatch.GetElapsedTime(started));
            return result;
        }
        catch (RequestFailedException ex) when (refusals.Contains(ex.Status))
        {
            metrics.RecordStoreOperation("claim", "conflict", Stopwatch.GetElapsedTime(started));
            return refused;
        }
        catch (Exception)
        {
            metrics.RecordStoreOperation("claim", "error", Stopwatch.GetElapsedTime(started));
            throw;
        }
    }

    private static TableEntity EntityOf(string activityKey, ActivityClaimRecord record)
    {
        var entity = new TableEntity(activityKey, RowKey)
        {
            ["ActivityType"] = record.Type,
            ["ReceivedAt"] = record.ReceivedAt,
            ["Claim"] = record.Claim,
            ["Instance"] = record.Instance,
        };
        // A replace writes the whole entity: a time not set is a property left out.
        if (record.LeaseEndsAt is { } leaseEndsAt)
        {
            entity["LeaseEndsAt"] = leaseEndsAt;
        }

        if (record.CompletedAt is { } completedAt)
        {
            entity["CompletedAt"] = completedAt;
        }

        if (record.Replay is { } replay)
        {
            entity["Replay"] = replay;
        }

        return entity;
    }

    private static ActivityClaimRecord RecordOf(TableEntity entity) => new(
        entity.GetString("ActivityType") ?? string.Empty,
        entity.GetDateTimeOffset("ReceivedAt") ?? DateTimeOffset.MinValue,
        entity.GetString("Claim"),
        entity.GetString("Instance"),
        entity.GetDateTimeOffset("LeaseEndsAt"),
        entity.GetDateTimeOffset("CompletedAt"),
        entity.GetString("Replay"));

    private async Task EnsureTableAsync(CancellationToken cancellationToken)
    {
        if (!_tableExists)
        {
            await table.CreateIfNotExistsAsync(cancellationToken);
            _tableExists = true;
        }
    }
}
