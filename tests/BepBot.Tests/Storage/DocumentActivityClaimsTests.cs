using BepBot.Infrastructure.Storage;

namespace BepBot.Tests.Storage;

public sealed class DocumentActivityClaimsTests(LocalFolderDocumentStoreTests.TemporaryFolder folder)
    : ActivityClaimsContract, IClassFixture<LocalFolderDocumentStoreTests.TemporaryFolder>
{
    // A store of its own per test: the contract's activity keys are the same in every test.
    private readonly LocalFolderDocumentStore _store = new(Path.Combine(folder.StoreRoot, Guid.NewGuid().ToString("N")));

    protected override IActivityClaims Claims => field ??= new DocumentActivityClaims(_store, Clock);

    protected override IActivityClaims ClaimsWithResentCreates() => new DocumentActivityClaims(new CreateAnsweredTwice(_store), Clock);

    [Fact]
    public async Task TryClaim_Claim_KeptUnderActivities()
    {
        await Claims.TryClaimAsync("kept", "message");

        (await _store.GetAsync("activities/kept")).ShouldNotBeNull();
    }

    /// <summary>What Azure's client does when a create's response is lost: it sends the create again and reports the 409 of its own first write.</summary>
    private sealed class CreateAnsweredTwice(IDocumentStore inner) : IDocumentStore
    {
        public async Task<string> CreateAsync(string key, BinaryData content, CancellationToken cancellationToken = default)
        {
            await inner.CreateAsync(key, content, cancellationToken);
            return await inner.CreateAsync(key, content, cancellationToken);
        }

        public Task<RawDocument?> GetAsync(string key, CancellationToken cancellationToken = default) => inner.GetAsync(key, cancellationToken);

        public Task<string> ReplaceAsync(string key, BinaryData content, string etag, CancellationToken cancellationToken = default) => inner.ReplaceAsync(key, content, etag, cancellationToken);

        public Task<string> UpsertAsync(string key, BinaryData content, CancellationToken cancellationToken = default) => inner.UpsertAsync(key, content, cancellationToken);

        public Task<bool> DeleteAsync(string key, string? etag = null, CancellationToken cancellationToken = default) => inner.DeleteAsync(key, etag, cancellationToken);

        public IAsyncEnumerable<string> ListKeysAsync(string prefix, CancellationToken cancellationToken = default) => inner.ListKeysAsync(prefix, cancellationToken);

        public Task<bool> IsReachableAsync(CancellationToken cancellationToken = default) => inner.IsReachableAsync(cancellationToken);
    }
}
