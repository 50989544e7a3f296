using System.Runtime.CompilerServices;

namespace BepBot.Infrastructure.Storage;

/// <summary>Claims as documents under activities/ of the document store: what the local folder store uses.</summary>
public sealed class DocumentActivityClaims(IDocumentStore store, TimeProvider clock, TimeSpan lease) : LeasedActivityClaims(clock, lease)
{
    private const string Prefix = "activities/";

    public override async IAsyncEnumerable<Document<ActivityClaimRecord>> AbandonedAsync(DateTimeOffset receivedBefore, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var claim in store.ListAsync<ActivityClaimRecord>(Prefix, cancellationToken))
        {
            if (claim.Value.IsAbandoned(receivedBefore, Now))
            {
                yield return claim with { Key = claim.Key[Prefix.Length..] };
            }
        }
    }

    public override async Task<int> PurgeAsync(DateTimeOffset receivedBefore, CancellationToken cancellationToken = default)
    {
        var purged = 0;
        // Listed first, then deleted: the local folder lists lazily and should not change under its own listing.
        var claims = await store.ListAsync<ActivityClaimRecord>(Prefix, cancellationToken).ToListAsync(cancellationToken);
        foreach (var claim in claims)
        {
            if (claim.Value.ReceivedAt < receivedBefore && await TryDeleteAsync(claim.Key[Prefix.Length..], claim.ETag, cancellationToken))
            {
                purged++;
            }
        }

        return purged;
    }

    public override Task<bool> IsReachableAsync(CancellationToken cancellationToken = default) => store.IsReachableAsync(cancellationToken);

    protected override async Task<string?> TryCreateAsync(string activityKey, ActivityClaimRecord record, CancellationToken cancellationToken)
    {
        try
        {
            return await store.CreateAsync(Prefix + activityKey, record, cancellationToken);
        }
        catch (DocumentConflictException)
        {
            return null;
        }
    }

    protected override Task<Document<ActivityClaimRecord>?> ReadAsync(string activityKey, CancellationToken cancellationToken) =>
        store.GetAsync<ActivityClaimRecord>(Prefix + activityKey, cancellationToken);

    protected override async Task<string?> TryReplaceAsync(string activityKey, ActivityClaimRecord record, string etag, CancellationToken cancellationToken)
    {
        try
        {
            return await store.ReplaceAsync(Prefix + activityKey, record, etag, cancellationToken);
        }
        catch (DocumentConflictException)
        {
            return null;
        }
    }

    protected override async Task<bool> TryDeleteAsync(string activityKey, string etag, CancellationToken cancellationToken)
    {
        try
        {
            return await store.DeleteAsync(Prefix + activityKey, etag, cancellationToken);
        }
        catch (DocumentConflictException)
        {
            return false;
        }
    }
}
