using BepBot.Infrastructure.Storage;

namespace BepBot.Features.Roster;

/// <summary>Reads and changes the roster document in the store.</summary>
public sealed class RosterDirectory(IDocumentStore store, TimeProvider clock)
{
    public const string Key = "roster/current";

    public async Task<RosterDocument> GetAsync(CancellationToken cancellationToken = default) =>
        (await store.GetAsync<RosterDocument>(Key, cancellationToken))?.Value ?? Empty;

    public async Task<RosterMember?> FindAsync(string? aadObjectId, CancellationToken cancellationToken = default) =>
        (await GetAsync(cancellationToken)).Find(aadObjectId);

    public async Task<bool> ExistsAsync(CancellationToken cancellationToken = default) =>
        await store.GetAsync(Key, cancellationToken) is not null;

    /// <summary>Replaces the whole roster (an import).</summary>
    public Task ReplaceAllAsync(IReadOnlyList<RosterMember> members, bool isDemo, string updatedBy, CancellationToken cancellationToken = default) =>
        store.UpdateAsync<RosterDocument>(
            Key,
            _ => new RosterDocument(members, isDemo, clock.GetUtcNow(), updatedBy),
            cancellationToken: cancellationToken);

    /// <summary>
    /// Applies one change under optimistic concurrency. <paramref name="change"/> sees the latest roster and
    /// returns the new member list, or throws <see cref="RosterChangeRejectedException"/> when the change no longer fits.
    /// </summary>
    public async Task<RosterDocument> ChangeAsync(
        Func<RosterDocument, IReadOnlyList<RosterMember>> change,
        string updatedBy,
        CancellationToken cancellationToken = default)
    {
        var document = await store.UpdateAsync<RosterDocument>(
            Key,
            current => (current ?? Empty) with { Members = change(current ?? Empty), UpdatedAt = clock.GetUtcNow(), UpdatedBy = updatedBy },
            cancellationToken: cancellationToken);
        return document.Value;
    }

    private static RosterDocument Empty { get; } = new([], IsDemo: false, DateTimeOffset.MinValue, "nobody");
}

/// <summary>The change no longer fits the latest roster (e.g. someone else added the same person meanwhile).</summary>
public sealed class RosterChangeRejectedException : Exception
{
    public RosterChangeRejectedException()
    {
    }

    public RosterChangeRejectedException(string message)
        : base(message)
    {
    }

    public RosterChangeRejectedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
