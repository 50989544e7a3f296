using System.Runtime.CompilerServices;

namespace BepBot.Infrastructure.Storage;

/// <summary>
/// The one persistence abstraction: JSON documents under slash-separated keys, with optimistic concurrency.
/// Two implementations pass the same contract tests: Azure Blob Storage and a local folder.
/// </summary>
public interface IDocumentStore
{
    Task<RawDocument?> GetAsync(string key, CancellationToken cancellationToken = default);

    /// <summary>Creates the document only if the key is free; otherwise throws <see cref="DocumentConflictException"/>.</summary>
    Task<string> CreateAsync(string key, BinaryData content, CancellationToken cancellationToken = default);

    /// <summary>Replaces the document only if its current ETag is <paramref name="etag"/>; otherwise throws <see cref="DocumentConflictException"/>.</summary>
    Task<string> ReplaceAsync(string key, BinaryData content, string etag, CancellationToken cancellationToken = default);

    /// <summary>Writes whatever is there. Only for documents that have a single writer (caches, state the caller owns).</summary>
    Task<string> UpsertAsync(string key, BinaryData content, CancellationToken cancellationToken = default);

    /// <summary>Deletes the document; with an ETag, only if it still matches. Returns false when there was nothing to delete.</summary>
    Task<bool> DeleteAsync(string key, string? etag = null, CancellationToken cancellationToken = default);

    IAsyncEnumerable<string> ListKeysAsync(string prefix, CancellationToken cancellationToken = default);

    /// <summary>
    /// The documents under <paramref name="prefix"/>, in key order. By default the keys are listed and each document
    /// read, several at a time; a store that can tell a document unchanged since it last read it (Blob: the listing's
    /// ETags) reads only the others.
    /// </summary>
    async IAsyncEnumerable<RawDocument> ListDocumentsAsync(string prefix, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var keys = new List<string>();
        await foreach (var key in ListKeysAsync(prefix, cancellationToken))
        {
            keys.Add(key);
        }

        foreach (var document in await ReadManyAsync(this, keys, cancellationToken))
        {
            if (document is not null)
            {
                yield return document;
            }
        }
    }

    /// <summary>Cheap reachability check for /readyz and start-up.</summary>
    Task<bool> IsReachableAsync(CancellationToken cancellationToken = default);

    /// <summary>The documents at <paramref name="keys"/>, in the order given (null where there is none), 16 read at a time.</summary>
    static async Task<RawDocument?[]> ReadManyAsync(IDocumentStore store, IReadOnlyList<string> keys, CancellationToken cancellationToken)
    {
        var found = new RawDocument?[keys.Count];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, keys.Count),
            new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = cancellationToken },
            async (index, token) => found[index] = await store.GetAsync(keys[index], token));
        return found;
    }
}
