using System.Text.Json;
using BepBot.Infrastructure.Storage;
using BepBot.Tests.Harness;

namespace BepBot.Tests.Storage;

public sealed class LocalFolderDocumentStoreTests(LocalFolderDocumentStoreTests.TemporaryFolder folder)
    : DocumentStoreContract, IClassFixture<LocalFolderDocumentStoreTests.TemporaryFolder>
{
    protected override IDocumentStore Store { get; } = new LocalFolderDocumentStore(folder.StoreRoot);

    [Fact]
    public async Task GetAsync_LeftoverTemporaryFileOfCrashedWrite_IsIgnored()
    {
        await Store.CreateAsync(Key("roster"), Json("""{"v":"committed"}"""));
        var orphanOfExisting = WriteLeftover("roster", """{"v":"half-writ""");
        var orphanOfMissing = WriteLeftover("never-committed", """{"v":"lost"}""");

        var document = await Store.GetAsync(Key("roster"));

        File.Exists(orphanOfExisting).ShouldBeTrue();
        File.Exists(orphanOfMissing).ShouldBeTrue();
        document.ShouldNotBeNull();
        document.Content.ToString().ShouldBe("""{"v":"committed"}""");
        (await Store.GetAsync(Key("never-committed"))).ShouldBeNull();
    }

    [Fact]
    public async Task ListKeysAsync_LeftoverTemporaryFileOfCrashedWrite_IsIgnored()
    {
        await Store.CreateAsync(Key("roster"), Json("{}"));
        WriteLeftover("roster", "{");
        WriteLeftover("never-committed", "{}");

        (await ListAsync(Prefix)).ShouldBe([Key("roster")]);
    }

    [Fact]
    public async Task CreateAsync_LeftoverTemporaryFileOfCrashedWrite_CreatesNormally()
    {
        WriteLeftover("doc", "{");

        var etag = await Store.CreateAsync(Key("doc"), Json("""{"v":1}"""));

        (await Store.GetAsync(Key("doc")))!.ETag.ShouldBe(etag);
    }

    [Fact]
    public async Task CreateAsyncOfT_Record_FileOnDiskIsValidJson()
    {
        await Store.CreateAsync(Key("labs/cyber"), new Sample("Cybersécurité dans les Communes", 25, SampleStatus.WaitingList, []));

        var path = Path.Combine(folder.StoreRoot, Prefix.TrimEnd('/'), "labs", "cyber.json");

        File.Exists(path).ShouldBeTrue();
        using var json = JsonDocument.Parse(await File.ReadAllBytesAsync(path));
        json.RootElement.GetProperty("name").GetString().ShouldBe("Cybersécurité dans les Communes");
        json.RootElement.GetProperty("count").GetInt32().ShouldBe(25);
        json.RootElement.GetProperty("status").GetString().ShouldBe("waiting-list");
    }

    [Fact]
    public async Task AllWrites_Succeeded_LeaveNoTemporaryFile()
    {
        var etag = await Store.CreateAsync(Key("a/doc"), Json("""{"v":1}"""));
        etag = await Store.ReplaceAsync(Key("a/doc"), Json("""{"v":2}"""), etag);
        await Store.UpsertAsync(Key("a/doc"), Json("""{"v":3}"""));
        await Store.UpsertAsync(Key("b/doc"), Json("{}"));
        await Task.WhenAll(Enumerable.Range(0, 10).Select(_ =>
            Store.UpdateAsync<Counter>(Key("counter"), current => new Counter((current?.Value ?? 0) + 1))));
        await Store.DeleteAsync(Key("b/doc"));

        TemporaryFiles().ShouldBeEmpty();
        (await Store.GetAsync<Counter>(Key("counter")))!.Value.Value.ShouldBe(10);
    }

    [Fact]
    public async Task AllWrites_Refused_LeaveNoTemporaryFile()
    {
        var stale = await Store.CreateAsync(Key("doc"), Json("""{"v":1}"""));
        await Store.ReplaceAsync(Key("doc"), Json("""{"v":2}"""), stale);

        await Should.ThrowAsync<DocumentConflictException>(() => Store.CreateAsync(Key("doc"), Json("{}")));
        await Should.ThrowAsync<DocumentConflictException>(() => Store.ReplaceAsync(Key("doc"), Json("{}"), stale));
        await Should.ThrowAsync<DocumentConflictException>(() => Store.ReplaceAsync(Key("missing"), Json("{}"), stale));

        TemporaryFiles().ShouldBeEmpty();
    }

    [Fact]
    public async Task AnyOperation_KeyClimbingOutOfTheFolder_WritesNothingBesideIt()
    {
        await Should.ThrowAsync<ArgumentException>(() => Store.UpsertAsync("../escaped", Json("{}")));
        await Should.ThrowAsync<ArgumentException>(() => Store.UpsertAsync("a/../../escaped", Json("{}")));

        AssertNothingWrittenOutside();
    }

    [Fact]
    public async Task GetAsync_FilesNamedAsBeforeLongKeysWereMapped_ReadListedAndReplacedInPlace()
    {
        // Before, a document's file was its key + ".json"; the longest keys written had a segment of 212 characters
        // (the temporary file's name then reached 255) and 512 characters in all.
        var stateKey = "botstate/" + DocumentKey.Segment($"msteams/conversations/{RealTeamsIds.PersonalConversation("megan", 100)}/users/{RealTeamsIds.User("megan", 70)}");
        string[] keys =
        [
            Key("conversations/shared/" + DocumentKey.Segment(RealTeamsIds.Channel("general"))),
            Key(stateKey),
            Key(new string('s', 212) + "/" + new string('t', 212) + "/" + new string('u', 512 - Prefix.Length - 426)),
        ];
        keys.Select(key => key.Split('/').Max(segment => segment.Length)).ShouldAllBe(length => length <= 212);
        keys[1].Length.ShouldBeGreaterThan(200);
        keys[2].Length.ShouldBe(512);
        foreach (var key in keys)
        {
            var path = Path.Combine(folder.StoreRoot, key.Replace('/', Path.DirectorySeparatorChar) + ".json");
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await File.WriteAllTextAsync(path, $$"""{"written":"before"}""");
        }

        foreach (var key in keys)
        {
            var document = await Store.GetAsync(key);
            document.ShouldNotBeNull(key);
            document.Content.ToString().ShouldBe("""{"written":"before"}""");
            await Store.ReplaceAsync(key, Json("""{"written":"after"}"""), document.ETag);
            (await File.ReadAllTextAsync(Path.Combine(folder.StoreRoot, key.Replace('/', Path.DirectorySeparatorChar) + ".json"))).ShouldBe("""{"written":"after"}""");
        }

        (await ListAsync(Prefix)).ShouldBe(keys, ignoreOrder: true);
    }

    [Fact]
    public async Task CreateAsync_SegmentsLongerThanAFileName_ShortenedToAReadableStartAndAHash()
    {
        var conversation = DocumentKey.Segment(RealTeamsIds.PersonalConversation("megan", 1000));

        await Store.CreateAsync(Key("conversations/" + conversation + "/state"), Json("{}"));

        var file = Directory.EnumerateFiles(Path.Combine(folder.StoreRoot, Prefix.TrimEnd('/')), "*", SearchOption.AllDirectories).ShouldHaveSingleItem();
        var folderName = Path.GetFileName(Path.GetDirectoryName(file)!);
        folderName.ShouldStartWith(conversation[..100] + "!");
        folderName.Length.ShouldBe(100 + 1 + 64);
        Path.GetFileName(file).ShouldBe("state.json");
    }

    [Fact]
    public async Task AnyOperation_PathLongerThanTheSystemAllows_InvalidKeyNotAnOutage()
    {
        var deep = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"bepbot-deep-{Guid.NewGuid():N}");
        try
        {
            var root = deep;
            for (var level = 0; level < 19; level++)
            {
                root = System.IO.Path.Combine(root, new string('d', 200));
            }

            var store = new LocalFolderDocumentStore(root);
            var key = "x/" + new string('k', 200) + "/" + new string('k', 200);

            await Should.ThrowAsync<InvalidDocumentKeyException>(() => store.CreateAsync(key, Json("{}")));
            await Should.ThrowAsync<InvalidDocumentKeyException>(() => store.GetAsync(key));
        }
        finally
        {
            Directory.Delete(deep, recursive: true);
        }
    }

    [Fact]
    public async Task CreateAsync_FolderOfTheKeyIsAFile_StoreUnavailable()
    {
        var blocked = Path.Combine(folder.StoreRoot, Prefix.TrimEnd('/'), "blocked");
        Directory.CreateDirectory(Path.GetDirectoryName(blocked)!);
        await File.WriteAllTextAsync(blocked, "not a folder");

        var failure = await Should.ThrowAsync<StoreUnavailableException>(() => Store.CreateAsync(Key("blocked/doc"), Json("{}")));

        failure.InnerException.ShouldBeAssignableTo<IOException>();
    }

    protected override void AssertNothingWrittenOutside() =>
        Directory.EnumerateFileSystemEntries(folder.Path).ShouldBe([folder.StoreRoot]);

    private string WriteLeftover(string name, string content)
    {
        var directory = Path.Combine(folder.StoreRoot, Prefix.TrimEnd('/'));
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, $".{name}.json.{Guid.NewGuid():N}.tmp");
        File.WriteAllText(path, content);
        return path;
    }

    private List<string> TemporaryFiles()
    {
        var directory = Path.Combine(folder.StoreRoot, Prefix.TrimEnd('/'));
        return Directory.Exists(directory) ? [.. Directory.EnumerateFiles(directory, "*.tmp", SearchOption.AllDirectories)] : [];
    }

    /// <summary>A temporary folder per test class, deleted at the end. The store lives one level down, so a
    /// key that climbed out of the store would show up beside it.</summary>
    public sealed class TemporaryFolder : IDisposable
    {
        public TemporaryFolder()
        {
            Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"bepbot-store-{Guid.NewGuid():N}");
            StoreRoot = System.IO.Path.Combine(Path, "store");
            Directory.CreateDirectory(StoreRoot);
        }

        public string Path { get; }

        public string StoreRoot { get; }

        public void Dispose() => Directory.Delete(Path, recursive: true);
    }
}
