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

    /// <summary>Cheap reachability check for /readyz and start-up.</summary>
    Task<bool> IsReachableAsync(CancellationToken cancellationToken = default);
}
