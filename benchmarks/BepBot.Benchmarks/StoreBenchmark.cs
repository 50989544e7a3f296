using System.Diagnostics;
using System.Globalization;
using BepBot.Infrastructure.Storage;
using BepBot.Tests.Harness;

namespace BepBot.Benchmarks;

/// <summary>
/// What the document store alone does on this machine, without the bot: the ceiling any click can reach. 1 KB
/// documents in a container that already holds some, create-if-absent, replace-if-match and reads, one after the
/// other and many in parallel, on Azurite and on the local folder store.
/// </summary>
public static class StoreBenchmark
{
    private const int DocumentBytes = 1024;

    public static async Task<IReadOnlyList<(string Name, string Value)>> RunAsync(string storeKind, int operations, int parallel, int prefill)
    {
        Console.WriteLine($"Store {storeKind}: {prefill} documents first, then {operations} operations of each kind…");
        var sequential = await MeasureAsync(storeKind, operations, 1, prefill);
        var together = await MeasureAsync(storeKind, operations, parallel, prefill);
        return
        [
            ("store", storeKind == "LocalFolder" ? "local folder store (the embedded default)" : "Azurite 3.35 blob, in memory"),
            ("document size", $"{DocumentBytes} bytes"),
            ("documents already in the container", prefill.ToString(CultureInfo.InvariantCulture)),
            ("operations per measure", operations.ToString(CultureInfo.InvariantCulture)),
            ("create-if-absent/s, one after the other", Rate(sequential.Creates)),
            ($"create-if-absent/s, {parallel} in parallel", Rate(together.Creates)),
            ("replace-if-match/s, one after the other", Rate(sequential.Replaces)),
            ($"replace-if-match/s, {parallel} in parallel", Rate(together.Replaces)),
            ("reads/s, one after the other", Rate(sequential.Reads)),
            ($"reads/s, {parallel} in parallel", Rate(together.Reads)),
        ];
    }

    /// <summary>Operations per second of each kind on a store of its own (a fresh folder or container).</summary>
    public static async Task<StoreRates> MeasureAsync(string storeKind, int operations, int parallel, int prefill)
    {
        var folder = Path.Combine(Path.GetTempPath(), "bepbot-store-bench-" + Guid.NewGuid().ToString("N"));
        IDocumentStore store = storeKind == "LocalFolder"
            ? new LocalFolderDocumentStore(folder)
            : new BlobDocumentStore(Azurite.NewContainer("storebench"));
        try
        {
            var body = BinaryData.FromString("{\"padding\":\"" + new string('x', DocumentBytes - 14) + "\"}");
            await ForEachAsync(prefill, parallel, index => store.CreateAsync($"bench/prefill/{index:D6}", body));
            var etags = new string[operations];
            var creates = await ForEachAsync(operations, parallel, async index => etags[index] = await store.CreateAsync($"bench/documents/{index:D6}", body));
            var replaces = await ForEachAsync(operations, parallel, async index => etags[index] = await store.ReplaceAsync($"bench/documents/{index:D6}", body, etags[index]));
            var reads = await ForEachAsync(operations, parallel, index => store.GetAsync($"bench/documents/{index:D6}"));
            return new StoreRates(operations / creates.TotalSeconds, operations / replaces.TotalSeconds, operations / reads.TotalSeconds);
        }
        finally
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    private static async Task<TimeSpan> ForEachAsync(int count, int parallel, Func<int, Task> operation)
    {
        var watch = Stopwatch.StartNew();
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = parallel }, async (index, _) => await operation(index));
        return watch.Elapsed;
    }

    private static string Rate(double perSecond) => perSecond.ToString("F0", CultureInfo.InvariantCulture);
}
