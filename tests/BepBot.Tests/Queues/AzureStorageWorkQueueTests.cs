using Azure.Storage.Queues;
using BepBot.Infrastructure.Queues;
using BepBot.Tests.Harness;

namespace BepBot.Tests.Queues;

public sealed class AzureStorageWorkQueueTests : WorkQueueContract
{
    protected override IWorkQueue Queue { get; } = new AzureStorageWorkQueue(Azurite.ConnectionString);

    protected override IWorkQueue OpenAnother() => new AzureStorageWorkQueue(Azurite.ConnectionString);

    [Fact]
    public async Task EnqueueAsync_Message_StoredBase64WithoutExpiry()
    {
        await Queue.EnqueueAsync(Name, BinaryData.FromBytes([0, 1, 2, 255]));

        var raw = new QueueClient(Azurite.ConnectionString, Name);
        var peeked = (await raw.PeekMessagesAsync(1)).Value.ShouldHaveSingleItem();

        peeked.Body.ToString().ShouldBe(Convert.ToBase64String([0, 1, 2, 255]));
        peeked.ExpiresOn.ShouldNotBeNull().Year.ShouldBe(9999);
    }
}
