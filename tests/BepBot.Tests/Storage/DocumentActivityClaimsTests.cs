using BepBot.Infrastructure.Storage;

namespace BepBot.Tests.Storage;

public sealed class DocumentActivityClaimsTests(LocalFolderDocumentStoreTests.TemporaryFolder folder)
    : ActivityClaimsContract, IClassFixture<LocalFolderDocumentStoreTests.TemporaryFolder>
{
    // A store of its own per test: the contract's activity keys are the same in every test.
    private readonly LocalFolderDocumentStore _store = new(Path.Combine(folder.StoreRoot, Guid.NewGuid().ToString("N")));

    protected override IActivityClaims Claims => field ??= new DocumentActivityClaims(_store, Clock, Lease);

    protected override IActivityClaims ClaimsWithResentWrites() => new DocumentActivityClaims(new WritesAnsweredTwice(_store), Clock, Lease);

    [Fact]
    public async Task Claim_Claim_KeptUnderActivitiesWithItsInstanceAndLease()
    {
        await Claims.ClaimAsync("kept", "message");

        var claim = (await _store.GetAsync<ActivityClaimRecord>("activities/kept"))!.Value;
        claim.Instance!.ShouldContain(Environment.MachineName);
        claim.LeaseEndsAt.ShouldBe(Clock.GetUtcNow() + Lease);
        claim.CompletedAt.ShouldBeNull();
    }

    [Fact]
    public async Task Claim_ClaimWrittenBeforeLeasesExisted_Completed()
    {
        await _store.UpsertAsync("activities/before-leases", BinaryData.FromString("""{ "type": "invoke", "receivedAt": "2026-11-29T08:59:58+00:00", "claim": "0f3c" }"""));

        (await Claims.ClaimAsync("before-leases", "invoke")).Status.ShouldBe(ActivityClaimStatus.Completed);
    }

    /// <summary>What Azure's client does when a write's response is lost: it sends the write again and reports the conflict with its own first write.</summary>
    private sealed class WritesAnsweredTwice(IDocumentStore inner) : IDocumentStore
    {
        public async Task<string> CreateAsync(string key, BinaryData content, CancellationToken cancellationToken = default)
        {
            await inner.CreateAsync(key, content, cancellationToken);
            return await inner.CreateAsync(key, content, cancellationToken);
        }

        public Task<RawDocument?> GetAsync(string key, CancellationToken cancellationToken = default) => inner.GetAsync(key, cancellationToken);

        public async Task<string> ReplaceAsync(string key, BinaryData content, string etag, CancellationToken cancellationToken = default)
        {
            await inner.ReplaceAsync(key, content, etag, cancellationToken);
            return await inner.ReplaceAsync(key, content, etag, cancellationToken);
        }

        public Task<string> UpsertAsync(string key, BinaryData content, CancellationToken cancellationToken = default) => inner.UpsertAsync(key, content, cancellationToken);

        public Task<bool> DeleteAsync(string key, string? etag = null, CancellationToken cancellationToken = default) => inner.DeleteAsync(key, etag, cancellationToken);

        public IAsyncEnumerable<string> ListKeysAsync(string prefix, CancellationToken cancellationToken = default) => inner.ListKeysAsync(prefix, cancellationToken);

        public Task<bool> IsReachableAsync(CancellationToken cancellationToken = default) => inner.IsReachableAsync(cancellationToken);
    }
}
