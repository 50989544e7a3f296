using System.Runtime.CompilerServices;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.Caching.Memory;

namespace BepBot.Infrastructure.Storage;

/// <summary>
/// Documents as block blobs in one container. Optimistic concurrency is the service's own:
/// If-None-Match * to create, If-Match to replace and delete; a write refused only because its own first attempt
/// landed counts as done. A long key segment gets a shortened blob name (<see cref="DocumentKeyMapping"/>).
/// </summary>
public sealed class BlobDocumentStore(BlobContainerClient container) : IDocumentStore, IDisposable
{
    // Documents as last read by a listing, by blob name: a page that lists and reads the same few dozen documents at
    // each refresh (a ballot's votes, a session's answers) reads again only those whose ETag changed. An ETag names
    // one content, so an entry is never stale; the limit is on bytes kept.
    private readonly MemoryCache _listed = new(new MemoryCacheOptions { SizeLimit = 64L * 1024 * 1024 });

    // Blob names hold 1,024 characters. Keys of up to 512 characters were accepted before long segments were
    // shortened: a segment of that length keeps its blob.
    private static readonly DocumentKeyMapping Names = new(maxSegmentLength: 512, maxNameLength: 1024);

    // Each write names itself in the blob's metadata. When the answer to a write is lost, the client sends it again and
    // the store refuses the second attempt (409 to a create, 412 to a replace) because the first one landed: the name
    // tells that write, ours, from someone else's.
    private const string WriteIdName = "bepbotwrite";

    private static readonly BlobHttpHeaders JsonHeaders = new() { ContentType = "application/json; charset=utf-8" };
    private volatile bool _containerExists;

    public async Task<RawDocument?> GetAsync(string key, CancellationToken cancellationToken = default)
    {
        await EnsureContainerAsync(cancellationToken);
        try
        {
            var result = await Blob(key).DownloadContentAsync(cancellationToken);
            return new RawDocument(key, result.Value.Content, result.Value.Details.ETag.ToString("H"));
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }

    public Task<string> CreateAsync(string key, BinaryData content, CancellationToken cancellationToken = default) =>
        UploadAsync(key, content, new BlobRequestConditions { IfNoneMatch = ETag.All }, cancellationToken);

    public Task<string> ReplaceAsync(string key, BinaryData content, string etag, CancellationToken cancellationToken = default) =>
        UploadAsync(key, content, new BlobRequestConditions { IfMatch = new ETag(etag) }, cancellationToken);

    public Task<string> UpsertAsync(string key, BinaryData content, CancellationToken cancellationToken = default) =>
        UploadAsync(key, content, conditions: null, cancellationToken);

    public async Task<bool> DeleteAsync(string key, string? etag = null, CancellationToken cancellationToken = default)
    {
        await EnsureContainerAsync(cancellationToken);
        var conditions = etag is null ? null : new BlobRequestConditions { IfMatch = new ETag(etag) };
        try
        {
            var response = await Blob(key).DeleteIfExistsAsync(DeleteSnapshotsOption.IncludeSnapshots, conditions, cancellationToken);
            return response.Value;
        }
        catch (RequestFailedException ex) when (ex.Status == 412)
        {
            // Azurite answers 412, not 404, to If-Match on a blob that is not there: nothing to delete.
            if (!await Blob(key).ExistsAsync(cancellationToken))
            {
                return false;
            }

            throw new DocumentConflictException(key, ConflictReason.ETagMismatch, ex);
        }
    }

    public async IAsyncEnumerable<string> ListKeysAsync(string prefix, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var namePrefix = Names.PrefixOf(prefix);
        await EnsureContainerAsync(cancellationToken);
        await foreach (var item in container.GetBlobsAsync(new GetBlobsOptions { Prefix = namePrefix }, cancellationToken))
        {
            yield return item.Name;
        }
    }

    public async IAsyncEnumerable<RawDocument> ListDocumentsAsync(string prefix, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var namePrefix = Names.PrefixOf(prefix);
        await EnsureContainerAsync(cancellationToken);
        var listed = new List<(string Name, string ETag)>();
        await foreach (var item in container.GetBlobsAsync(new GetBlobsOptions { Prefix = namePrefix }, cancellationToken))
        {
            listed.Add((item.Name, item.Properties.ETag?.ToString("H") ?? string.Empty));
        }

        // A chunk at a time, so that a prefix of 10,000 documents is never all in memory at once.
        foreach (var chunk in listed.Chunk(256))
        {
            var found = new RawDocument?[chunk.Length];
            var unread = new List<int>();
            for (var index = 0; index < chunk.Length; index++)
            {
                if (_listed.TryGetValue(chunk[index].Name, out RawDocument? known) && known!.ETag == chunk[index].ETag)
                {
                    found[index] = known;
                }
                else
                {
                    unread.Add(index);
                }
            }

            var read = await IDocumentStore.ReadManyAsync(this, [.. unread.Select(index => chunk[index].Name)], cancellationToken);
            for (var position = 0; position < unread.Count; position++)
            {
                if (read[position] is { } document)
                {
                    found[unread[position]] = document;
                    _listed.Set(document.Key, document, new MemoryCacheEntryOptions { Size = document.Content.ToMemory().Length + 256 });
                }
            }

            foreach (var document in found)
            {
                if (document is not null)
                {
                    yield return document;
                }
            }
        }
    }

    public void Dispose() => _listed.Dispose();

    public async Task<bool> IsReachableAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            await container.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
            return true;
        }
        catch (Exception ex) when (ex is RequestFailedException or AggregateException)
        {
            return false;
        }
    }

    private async Task EnsureContainerAsync(CancellationToken cancellationToken)
    {
        if (!_containerExists)
        {
            await container.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
            _containerExists = true;
        }
    }

    private async Task<string> UploadAsync(string key, BinaryData content, BlobRequestConditions? conditions, CancellationToken cancellationToken)
    {
        await EnsureContainerAsync(cancellationToken);
        var writeId = Guid.NewGuid().ToString("N");
        try
        {
            var response = await Blob(key).UploadAsync(
                content,
                new BlobUploadOptions { Conditions = conditions, HttpHeaders = JsonHeaders, Metadata = new Dictionary<string, string> { [WriteIdName] = writeId } },
                cancellationToken);
            return response.Value.ETag.ToString("H");
        }
        catch (RequestFailedException ex) when (ex.Status is 409 or 412 || (ex.Status == 404 && conditions?.IfMatch is not null))
        {
            var current = await PropertiesAsync(key, cancellationToken);
            if (current is not null && current.Metadata.TryGetValue(WriteIdName, out var written) && written == writeId)
            {
                return current.ETag.ToString("H");
            }

            var reason = ex.Status switch
            {
                409 => ConflictReason.AlreadyExists,
                // Azurite answers 412, not 404, to If-Match on a blob that is not there.
                412 when current is not null => ConflictReason.ETagMismatch,
                _ => ConflictReason.Missing,
            };
            throw new DocumentConflictException(key, reason, ex);
        }
    }

    private async Task<BlobProperties?> PropertiesAsync(string key, CancellationToken cancellationToken)
    {
        try
        {
            return (await Blob(key).GetPropertiesAsync(cancellationToken: cancellationToken)).Value;
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }

    private BlobClient Blob(string key) => container.GetBlobClient(Names.NameOf(key));
}
