using BepBot.Infrastructure.Storage;

namespace BepBot.Platform.Delivery;

/// <summary>Broadcasts and their delivery records in the document store.</summary>
public sealed class BroadcastStore(IDocumentStore store)
{
    private const string Prefix = "broadcasts/";

    // The broadcasts themselves sit apart from their deliveries, so listing them never walks thousands of delivery keys.
    private const string IndexPrefix = "broadcasts/index/";

    // Which broadcasts carried cards about a subject, so that updating them reads those broadcasts only. A hyphen is in no broadcast id.
    private const string SubjectPrefix = "broadcasts/by-subject/";

    public static string NewId() => Guid.NewGuid().ToString("N")[..12];

    public async Task<Document<Broadcast>?> GetAsync(string id, CancellationToken cancellationToken = default) =>
        IsValidId(id) ? await store.GetAsync<Broadcast>(KeyOf(id), cancellationToken) : null;

    public Task CreateAsync(Broadcast broadcast, CancellationToken cancellationToken = default) =>
        store.CreateAsync(KeyOf(broadcast.Id), broadcast, cancellationToken);

    /// <summary>Applies a change to the latest version; <paramref name="change"/> returns null to leave it as it is.</summary>
    public async Task<Broadcast?> ChangeAsync(string id, Func<Broadcast, Broadcast?> change, CancellationToken cancellationToken = default) =>
        IsValidId(id) ? await store.ChangeAsync(KeyOf(id), change, cancellationToken: cancellationToken) : null;

    public async IAsyncEnumerable<Broadcast> ListAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var document in store.ListAsync<Broadcast>(IndexPrefix, cancellationToken))
        {
            yield return document.Value;
        }
    }

    public Task<Document<DeliveryRecord>?> GetDeliveryAsync(string broadcastId, string recipientKey, CancellationToken cancellationToken = default) =>
        store.GetAsync<DeliveryRecord>(DeliveryKeyOf(broadcastId, recipientKey), cancellationToken);

    /// <summary>Creates the delivery record unless it exists (a re-run of the launch must not reset a sent one); its ETag, or null.</summary>
    public async Task<string?> TryCreateDeliveryAsync(DeliveryRecord delivery, CancellationToken cancellationToken = default)
    {
        try
        {
            return await store.CreateAsync(DeliveryKeyOf(delivery.BroadcastId, delivery.RecipientKey), delivery, cancellationToken);
        }
        catch (DocumentConflictException)
        {
            return null;
        }
    }

    /// <summary>Replaces a delivery record only if nobody changed it since <paramref name="etag"/>; false when someone did.</summary>
    public async Task<string?> TryReplaceDeliveryAsync(DeliveryRecord delivery, string etag, CancellationToken cancellationToken = default)
    {
        try
        {
            return await store.ReplaceAsync(DeliveryKeyOf(delivery.BroadcastId, delivery.RecipientKey), delivery, etag, cancellationToken);
        }
        catch (DocumentConflictException)
        {
            return null;
        }
    }

    public async Task<IReadOnlyList<DeliveryRecord>> ListDeliveriesAsync(string broadcastId, CancellationToken cancellationToken = default)
    {
        var keys = new List<string>();
        await foreach (var key in store.ListKeysAsync(Prefix + broadcastId + "/deliveries/", cancellationToken))
        {
            keys.Add(key);
        }

        var deliveries = new DeliveryRecord?[keys.Count];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, keys.Count),
            new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = cancellationToken },
            async (index, token) => deliveries[index] = (await store.GetAsync<DeliveryRecord>(keys[index], token))?.Value);
        return [.. deliveries.OfType<DeliveryRecord>()];
    }

    public Task SaveProgressAsync(string broadcastId, string instance, BroadcastProgress progress, CancellationToken cancellationToken = default) =>
        store.UpsertAsync(Prefix + broadcastId + "/progress/" + DocumentKey.Segment(instance), progress, cancellationToken);

    public async Task<IReadOnlyList<BroadcastProgress>> ListProgressAsync(string broadcastId, CancellationToken cancellationToken = default)
    {
        var shards = new List<BroadcastProgress>();
        await foreach (var shard in store.ListAsync<BroadcastProgress>(Prefix + broadcastId + "/progress/", cancellationToken))
        {
            shards.Add(shard.Value);
        }

        return shards;
    }

    /// <summary>Notes that the broadcast carries cards about <paramref name="subject"/> (written again by a re-run launch: same document).</summary>
    public Task IndexSubjectAsync(string subject, string broadcastId, CancellationToken cancellationToken = default) =>
        store.UpsertAsync(SubjectPrefix + DocumentKey.Segment(subject) + "/" + broadcastId, new SubjectEntry(subject, broadcastId), cancellationToken);

    public async Task<IReadOnlyList<string>> BroadcastsAboutAsync(string subject, CancellationToken cancellationToken = default)
    {
        var prefix = SubjectPrefix + DocumentKey.Segment(subject) + "/";
        var ids = new List<string>();
        await foreach (var key in store.ListKeysAsync(prefix, cancellationToken))
        {
            ids.Add(key[prefix.Length..]);
        }

        return ids;
    }

    public static bool IsValidId(string id) => id.Length is > 0 and <= 64 && id.All(char.IsAsciiLetterOrDigit);

    private static string KeyOf(string id) => IndexPrefix + id;

    private static string DeliveryKeyOf(string broadcastId, string recipientKey) =>
        Prefix + broadcastId + "/deliveries/" + DocumentKey.Segment(recipientKey);
}
