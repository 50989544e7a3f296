using Azure.Storage.Blobs;
using BepBot.Infrastructure.Storage;
using BepBot.Tests.Harness;

namespace BepBot.Tests.Scheduling;

public sealed class BlobJobSchedulerTests : JobSchedulerContract, IAsyncLifetime
{
    private readonly BlobContainerClient _container = Azurite.NewContainer("jobs");

    protected override IDocumentStore OpenStore() =>
        new BlobDocumentStore(new BlobContainerClient(Azurite.ConnectionString, _container.Name));

    public Task InitializeAsync() => _container.CreateIfNotExistsAsync();

    public Task DisposeAsync() => _container.DeleteIfExistsAsync();
}
