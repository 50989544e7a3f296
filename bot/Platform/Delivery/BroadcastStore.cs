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

    public Task<IReadOnlyList<DeliveryRecord>> ListDeliveriesAsync(string broadcastId, CancellationToken cancellationToken = default) =>
        store.ListValuesAsync<DeliveryRecord>(Prefix + broadcastId + "/deliveries/", cancellationToken);

    public async Task<DeliverySummary?> GetSummaryAsync(string broadcastId, CancellationToken cancellationToken = default) =>
        IsValidId(broadcastId) ? (await store.GetAsync<DeliverySummary>(SummaryKeyOf(broadcastId), cancellationToken))?.Value : null;

    /// <summary>
    /// Counts every delivery record of the broadcast and keeps the result as its summary; the time is taken before the
    /// records are read, so that a count that read them earlier never replaces one that read them later.
    /// </summary>
    public async Task<(DeliverySummary Summary, IReadOnlyList<DeliveryRecord> Deliveries)> RecountAsync(string broadcastId, TimeProvider clock, CancellationToken cancellationToken = default)
    {
        var countedAt = clock.GetUtcNow();
        var deliveries = await ListDeliveriesAsync(broadcastId, cancellationToken);
        var summary = DeliverySummary.Of(deliveries, countedAt);
        await SaveSummaryAsync(broadcastId, summary, cancellationToken);
        return (summary, deliveries);
    }

    /// <summary>Keeps <paramref name="summary"/> unless the one kept was counted later (several instances recount the same broadcast).</summary>
    public Task SaveSummaryAsync(string broadcastId, DeliverySummary summary, CancellationToken cancellationToken = default) =>
        store.UpdateAsync<DeliverySummary, bool>(
            SummaryKeyOf(broadcastId),
            kept => kept is not null && kept.CountedAt >= summary.CountedAt ? (null, false) : (summary, true),
            cancellationToken: cancellationToken);

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

    private static string SummaryKeyOf(string broadcastId) => Prefix + broadcastId + "/summary";

    private static string DeliveryKeyOf(string broadcastId, string recipientKey) =>
        Prefix + broadcastId + "/deliveries/" + DocumentKey.Segment(recipientKey);
}
