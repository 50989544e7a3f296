using System.Diagnostics;
using BepBot.Chat;
using BepBot.Infrastructure.Storage;
using Microsoft.Extensions.Options;

namespace BepBot.Features.Roster;

/// <summary>
/// Reads and changes the roster document in the store. Every turn needs it (who is speaking, with which role), so a
/// read is reused for <see cref="RosterOptions.CacheDuration"/>: a change made through this instance is seen at once,
/// one made on another instance within that time.
/// </summary>
public sealed class RosterDirectory(IDocumentStore store, TimeProvider clock, IOptions<RosterOptions> options) : IMemberDirectory
{
    public const string Key = "roster/current";

    private readonly Lock _gate = new();
    private CachedRoster? _cached;
    private Task<RosterDocument>? _refreshing;
    private long _version;

    /// <summary>
    /// The roster as read at most <see cref="RosterOptions.CacheDuration"/> ago. When it must be read again, everyone who
    /// asks meanwhile waits for that one read: in a burst of 1,000 clicks the expiry would otherwise send each of them to
    /// the store for the whole roster at once.
    /// </summary>
    public async Task<RosterDocument> GetAsync(CancellationToken cancellationToken = default)
    {
        if (options.Value.CacheDuration <= TimeSpan.Zero)
        {
            return await GetLatestAsync(cancellationToken);
        }

        Task<RosterDocument> refreshing;
        lock (_gate)
        {
            if (_cached is { } cached && Stopwatch.GetElapsedTime(cached.ReadAt) < options.Value.CacheDuration)
            {
                return cached.Document;
            }

            refreshing = _refreshing ??= RefreshAsync();
        }

        return await refreshing.WaitAsync(cancellationToken);
    }

    // Not cancelled by any one caller: the read serves everyone waiting for it. It yields first, so that it never ends
    // (and forgets itself) before GetAsync has noted it.
    private async Task<RosterDocument> RefreshAsync()
    {
        await Task.Yield();
        try
        {
            return await GetLatestAsync(CancellationToken.None);
        }
        finally
        {
            lock (_gate)
            {
                _refreshing = null;
            }
        }
    }

    /// <summary>The roster as stored now, never the cached read: for what staff will confirm against it later.</summary>
    public async Task<RosterDocument> GetLatestAsync(CancellationToken cancellationToken = default)
    {
        long version;
        lock (_gate)
        {
            version = _version;
        }

        var startedAt = Stopwatch.GetTimestamp();
        var document = (await store.GetAsync<RosterDocument>(Key, cancellationToken))?.Value ?? Empty;
        Remember(document, startedAt, version);
        return document;
    }

    public async Task<Member?> FindAsync(string? aadObjectId, CancellationToken cancellationToken = default) =>
        (await GetAsync(cancellationToken)).Find(aadObjectId);

    public async Task<Member?> FindPersonAsync(string? tenantId, string? aadObjectId, CancellationToken cancellationToken = default) =>
        (await GetAsync(cancellationToken)).FindPerson(tenantId, aadObjectId, options.Value.DefaultTenantId);

    public async Task<IReadOnlyList<Member>> ListAsync(CancellationToken cancellationToken = default) =>
        (await GetAsync(cancellationToken)).Members;

    public async Task<bool> IsDemoAsync(CancellationToken cancellationToken = default) =>
        (await GetAsync(cancellationToken)).IsDemo;

    public async Task<bool> ExistsAsync(CancellationToken cancellationToken = default) =>
        await store.GetAsync(Key, cancellationToken) is not null;

    /// <summary>Replaces the whole roster (an import).</summary>
    public async Task ReplaceAllAsync(IReadOnlyList<Member> members, bool isDemo, string updatedBy, CancellationToken cancellationToken = default)
    {
        var document = await store.UpdateAsync<RosterDocument>(
            Key,
            _ => new RosterDocument(members, isDemo, clock.GetUtcNow(), updatedBy),
            cancellationToken: cancellationToken);
        Changed(document.Value);
    }

    /// <summary>
    /// Applies one change under optimistic concurrency. <paramref name="change"/> sees the latest roster and
    /// returns the new member list, or throws <see cref="RosterChangeRejectedException"/> when the change no longer fits.
    /// </summary>
    public async Task<RosterDocument> ChangeAsync(
        Func<RosterDocument, IReadOnlyList<Member>> change,
        string updatedBy,
        CancellationToken cancellationToken = default)
    {
        var document = await store.UpdateAsync<RosterDocument>(
            Key,
            current => (current ?? Empty) with { Members = change(current ?? Empty), UpdatedAt = clock.GetUtcNow(), UpdatedBy = updatedBy },
            cancellationToken: cancellationToken);
        Changed(document.Value);
        return document.Value;
    }

    /// <summary>
    /// Decides on the latest roster under optimistic concurrency: <paramref name="decide"/> returns the next document,
    /// or null to write nothing, with its outcome. It is re-applied when another writer got there first.
    /// </summary>
    public async Task<TOutcome> DecideAsync<TOutcome>(
        Func<RosterDocument, (RosterDocument? Next, TOutcome Outcome)> decide,
        CancellationToken cancellationToken = default)
    {
        var update = await store.UpdateAsync<RosterDocument, TOutcome>(Key, current => decide(current ?? Empty), cancellationToken: cancellationToken);
        if (update.Written is { } written)
        {
            Changed(written.Value);
        }

        return update.Outcome;
    }

    private void Changed(RosterDocument document)
    {
        lock (_gate)
        {
            _version++;
            _cached = new CachedRoster(document, Stopwatch.GetTimestamp());
        }
    }

    // A read that began before a change must not put the older roster back.
    private void Remember(RosterDocument document, long readAt, long versionAtStart)
    {
        lock (_gate)
        {
            if (_version == versionAtStart)
            {
                _cached = new CachedRoster(document, readAt);
            }
        }
    }

    private sealed record CachedRoster(RosterDocument Document, long ReadAt);

    private static RosterDocument Empty { get; } = new([], IsDemo: false, DateTimeOffset.MinValue, "nobody");
}
