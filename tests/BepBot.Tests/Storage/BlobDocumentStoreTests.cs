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

    [Fact]
    public async Task CreateAsync_FirstAttemptWrittenButItsAnswerLost_TheRetryCountsAsOurs()
    {
        var lost = new LostAnswerPolicy(Key("ticket"));

        var etag = await StoreLosing(lost).CreateAsync(Key("ticket"), Json("""{"n":1}"""));

        lost.Lost.ShouldBe(1);
        await ShouldHoldAsync(Key("ticket"), etag, """{"n":1}""");
    }

    [Fact]
    public async Task ReplaceAsync_FirstAttemptWrittenButItsAnswerLost_TheRetryCountsAsOurs()
    {
        var original = await Store.CreateAsync(Key("ledger"), Json("""{"n":1}"""));
        var lost = new LostAnswerPolicy(Key("ledger"));

        var etag = await StoreLosing(lost).ReplaceAsync(Key("ledger"), Json("""{"n":2}"""), original);

        lost.Lost.ShouldBe(1);
        await ShouldHoldAsync(Key("ledger"), etag, """{"n":2}""");
    }

    [Fact]
    public async Task ListDocumentsAsync_ListedAgain_DownloadsOnlyTheDocumentsWhoseETagChanged()
    {
        var downloads = new DownloadCounter();
        using var store = new BlobDocumentStore(new BlobContainerClient(Azurite.ConnectionString, container.Client.Name, downloads.InstallIn(new BlobClientOptions())));
        var etags = new List<string>();
        for (var i = 0; i < 40; i++)
        {
            etags.Add(await store.CreateAsync(Key($"votes/{i:D2}"), Json($$"""{"n":{{i}}}""")));
        }

        await CountAsync(store, Key("votes/"));
        var firstListing = downloads.Count;
        await store.ReplaceAsync(Key("votes/07"), Json("""{"n":700}"""), etags[7]);
        var listedAgain = await CountAsync(store, Key("votes/"));

        firstListing.ShouldBe(40);
        (downloads.Count - firstListing).ShouldBe(1, "only the vote that changed is read again");
        listedAgain.ShouldBe(40);
        (await store.GetAsync(Key("votes/07")))!.Content.ToString().ShouldBe("""{"n":700}""");
    }

    private static async Task<int> CountAsync(IDocumentStore store, string prefix)
    {
        var count = 0;
        await foreach (var _ in store.ListDocumentsAsync(prefix))
        {
            count++;
        }

        return count;
    }

    /// <summary>Counts the blob downloads (GET of a blob, not of a listing) made through the client.</summary>
    private sealed class DownloadCounter : Azure.Core.Pipeline.HttpPipelineSynchronousPolicy
    {
        private int _count;

        public int Count => Volatile.Read(ref _count);

        public BlobClientOptions InstallIn(BlobClientOptions options)
        {
            options.AddPolicy(this, Azure.Core.HttpPipelinePosition.PerCall);
            return options;
        }

        public override void OnSendingRequest(Azure.Core.HttpMessage message)
        {
            if (message.Request.Method == Azure.Core.RequestMethod.Get && !message.Request.Uri.Query.Contains("comp=list", StringComparison.Ordinal))
            {
                Interlocked.Increment(ref _count);
            }
        }
    }

    [Fact]
    public async Task GetAsync_BlobsNamedAsBeforeLongKeysWereMapped_ReadListedAndReplacedInPlace()
    {
        // Before, a key of up to 512 characters was its blob's name, however long its segments.
        var stateKey = "botstate/" + DocumentKey.Segment($"msteams/conversations/{RealTeamsIds.PersonalConversation("megan", 137)}/users/{RealTeamsIds.User("megan", 91)}");
        string[] keys = [Key(stateKey), Key(new string('s', 512 - Prefix.Length))];
        keys[0].Split('/').Max(segment => segment.Length).ShouldBeGreaterThan(255);
        keys[1].Length.ShouldBe(512);
        foreach (var key in keys)
        {
            await container.Client.GetBlobClient(key).UploadAsync(BinaryData.FromString("""{"written":"before"}"""));
        }

        foreach (var key in keys)
        {
            var document = await Store.GetAsync(key);
            document.ShouldNotBeNull(key);
            document.Content.ToString().ShouldBe("""{"written":"before"}""");
            await Store.ReplaceAsync(key, Json("""{"written":"after"}"""), document.ETag);
            (await container.Client.GetBlobClient(key).DownloadContentAsync()).Value.Content.ToString().ShouldBe("""{"written":"after"}""");
        }

        (await ListAsync(Prefix)).ShouldBe(keys, ignoreOrder: true);
    }

    [Fact]
    public async Task CreateAsync_KeyLongerThanABlobName_ShortenedToAReadableStartAndAHash()
    {
        var conversation = DocumentKey.Segment(RealTeamsIds.PersonalConversation("megan", 1000));

        await Store.CreateAsync(Key("conversations/" + conversation + "/state"), Json("{}"));

        var blob = await container.Client.GetBlobsAsync(new Azure.Storage.Blobs.Models.GetBlobsOptions { Prefix = Prefix }).SingleAsync();
        blob.Name.ShouldStartWith(Key("conversations/" + conversation[..100] + "!"));
        blob.Name.ShouldEndWith("/state");
        blob.Name.Length.ShouldBe(Key("conversations/").Length + 100 + 1 + 64 + "/state".Length);
    }

    /// <summary>One Azurite container per test class, deleted at the end.</summary>
    /// <summary>The same container through a client whose answer to one write is lost, as a dropped connection loses it.</summary>
    private BlobDocumentStore StoreLosing(LostAnswerPolicy lost) =>
        new(new BlobContainerClient(Azurite.ConnectionString, container.Client.Name, lost.InstallIn(new BlobClientOptions())));

    private async Task ShouldHoldAsync(string key, string etag, string json)
    {
        var stored = await Store.GetAsync(key);
        stored.ShouldNotBeNull();
        stored.ETag.ShouldBe(etag);
        stored.Content.ToString().ShouldBe(json);
    }

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
