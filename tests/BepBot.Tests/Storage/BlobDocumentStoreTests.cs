using Azure.Storage.Blobs;
using BepBot.Infrastructure.Storage;
using BepBot.Tests.Harness;

namespace BepBot.Tests.Storage;

public sealed class BlobDocumentStoreTests(BlobDocumentStoreTests.AzuriteContainer container)
    : DocumentStoreContract, IClassFixture<BlobDocumentStoreTests.AzuriteContainer>
{
    protected override IDocumentStore Store => container.Store;

    [Fact]
    public async Task IsReachableAsync_Azurite_ReturnsTrue()
    {
        (await Store.IsReachableAsync()).ShouldBeTrue();
    }

    [Fact]
    public async Task CreateAsync_Document_StoredAsJsonBlob()
    {
        await Store.CreateAsync(Key("doc"), Json("{}"));

        var properties = await container.Client.GetBlobClient(Key("doc")).GetPropertiesAsync();

        properties.Value.ContentType.ShouldStartWith("application/json");
    }

    /// <summary>One Azurite container per test class, deleted at the end.</summary>
    public sealed class AzuriteContainer : IAsyncLifetime
    {
        public AzuriteContainer()
        {
            Client = Azurite.NewContainer("store");
            Store = new BlobDocumentStore(Client);
        }

        public BlobContainerClient Client { get; }

        public IDocumentStore Store { get; }

        public Task InitializeAsync() => Client.CreateIfNotExistsAsync();

        public Task DisposeAsync() => Client.DeleteIfExistsAsync();
    }
}
