using BepBot.Infrastructure.Storage;

namespace BepBot.Tests.Harness;

/// <summary>Every document of a store with its ETag: two equal snapshots mean nothing was written, created or deleted in between.</summary>
public static class StoreSnapshot
{
    public static async Task<SortedDictionary<string, string>> TakeAsync(IDocumentStore store, string prefix = "")
    {
        var snapshot = new SortedDictionary<string, string>(StringComparer.Ordinal);
        await foreach (var key in store.ListKeysAsync(prefix))
        {
            if (await store.GetAsync(key) is { } document)
            {
                snapshot[key] = document.ETag;
            }
        }

        return snapshot;
    }
}
