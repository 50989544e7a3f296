namespace BepBot.Infrastructure.Storage;

/// <summary>Claims as documents under activities/ of the document store: what the local folder store uses.</summary>
public sealed class DocumentActivityClaims(IDocumentStore store, TimeProvider clock) : IActivityClaims
{
    private const string Prefix = "activities/";

    public async Task<bool> TryClaimAsync(string activityKey, string activityType, CancellationToken cancellationToken = default)
    {
        var claim = Guid.NewGuid().ToString("N");
        try
        {
            await store.CreateAsync(Prefix + activityKey, new ActivityClaim(activityType, clock.GetUtcNow(), claim), cancellationToken);
            return true;
        }
        catch (DocumentConflictException)
        {
            // The storage client resends a create whose response was lost: then the conflict is with ourselves.
            return (await store.GetAsync<ActivityClaim>(Prefix + activityKey, cancellationToken))?.Value.Claim == claim;
        }
    }

    public async Task<int> PurgeAsync(DateTimeOffset receivedBefore, CancellationToken cancellationToken = default)
    {
        var purged = 0;
        // Listed first, then deleted: the local folder lists lazily and should not change under its own listing.
        var claims = await store.ListAsync<ActivityClaim>(Prefix, cancellationToken).ToListAsync(cancellationToken);
        foreach (var claim in claims)
        {
            if (claim.Value.ReceivedAt < receivedBefore && await store.DeleteAsync(claim.Key, claim.ETag, cancellationToken))
            {
                purged++;
            }
        }

        return purged;
    }

    public Task<bool> IsReachableAsync(CancellationToken cancellationToken = default) => store.IsReachableAsync(cancellationToken);

    private sealed record ActivityClaim(string Type, DateTimeOffset ReceivedAt, string? Claim);
}
