using BepBot.Chat;
using BepBot.Features.Roster;
using BepBot.Infrastructure.Storage;
using BepBot.Tests.Harness;
using Microsoft.Extensions.Options;

namespace BepBot.Tests.Roster;

/// <summary>
/// A burst of clicks asks for the roster at the moment its cached read expires: one read of the store serves them all,
/// and one caller giving up does not take the read away from the others.
/// </summary>
public sealed class RosterReadBurstTests
{
    [Fact]
    public async Task CacheExpired_HundredCallersAtOnce_OneStoreReadServesThemAll()
    {
        var inner = new BlobDocumentStore(Azurite.NewContainer("roster"));
        var store = new SlowRosterReads(inner);
        var importer = new RosterDirectory(inner, TimeProvider.System, Options.Create(new RosterOptions()));
        await importer.ReplaceAllAsync([new Member("00000000-0000-0000-0000-000000000021", "Megan Bowen", "megan@namur.example", Role.Bourgmestre, "Namur")], isDemo: false, "test");
        var fresh = new RosterDirectory(store, TimeProvider.System, Options.Create(new RosterOptions { CacheDuration = TimeSpan.FromHours(1) }));

        using var impatient = new CancellationTokenSource();
        var givingUp = fresh.GetAsync(impatient.Token);
        var readers = Enumerable.Range(0, 100).Select(_ => fresh.GetAsync()).ToList();
        await impatient.CancelAsync();
        var rosters = await Task.WhenAll(readers);

        await Should.ThrowAsync<OperationCanceledException>(givingUp);
        rosters.ShouldAllBe(roster => roster.Members.Count == 1);
        store.RosterReads.ShouldBe(1);
        (await fresh.FindAsync("00000000-0000-0000-0000-000000000021"))!.Commune.ShouldBe("Namur");
        store.RosterReads.ShouldBe(1);
    }

    [Fact]
    public async Task CacheZero_EveryCallerReadsTheStore()
    {
        var store = new SlowRosterReads(new BlobDocumentStore(Azurite.NewContainer("roster")));
        var directory = new RosterDirectory(store, TimeProvider.System, Options.Create(new RosterOptions { CacheDuration = TimeSpan.Zero }));

        await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => directory.GetAsync()));

        store.RosterReads.ShouldBe(5);
    }

    /// <summary>Counts the reads of the roster, each taking long enough for every caller to arrive while it runs.</summary>
    private sealed class SlowRosterReads(IDocumentStore inner) : IDocumentStore
    {
        private int _rosterReads;

        public int RosterReads => _rosterReads;

        public async Task<RawDocument?> GetAsync(string key, CancellationToken cancellationToken = default)
        {
            if (key == RosterDirectory.Key)
            {
                Interlocked.Increment(ref _rosterReads);
                await Task.Delay(300, cancellationToken);
            }

            return await inner.GetAsync(key, cancellationToken);
        }

        public Task<string> CreateAsync(string key, BinaryData content, CancellationToken cancellationToken = default) => inner.CreateAsync(key, content, cancellationToken);

        public Task<string> ReplaceAsync(string key, BinaryData content, string etag, CancellationToken cancellationToken = default) => inner.ReplaceAsync(key, content, etag, cancellationToken);

        public Task<string> UpsertAsync(string key, BinaryData content, CancellationToken cancellationToken = default) => inner.UpsertAsync(key, content, cancellationToken);

        public Task<bool> DeleteAsync(string key, string? etag = null, CancellationToken cancellationToken = default) => inner.DeleteAsync(key, etag, cancellationToken);

        public IAsyncEnumerable<string> ListKeysAsync(string prefix, CancellationToken cancellationToken = default) => inner.ListKeysAsync(prefix, cancellationToken);

        public Task<bool> IsReachableAsync(CancellationToken cancellationToken = default) => inner.IsReachableAsync(cancellationToken);
    }
}
