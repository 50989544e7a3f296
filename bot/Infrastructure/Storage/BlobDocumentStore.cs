using System.Runtime.CompilerServices;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

namespace BepBot.Infrastructure.Storage;

/// <summary>
/// Documents as block blobs in one container. Optimistic concurrency is the service's own:
/// If-None-Match * to create, If-Match to replace and delete. A long key segment gets a shortened blob name
/// (<see cref="DocumentKeyMapping"/>).
/// </summary>
public sealed class BlobDocumentStore(BlobContainerClient container) : IDocumentStore
{
    // Blob names hold 1,024 characters. Keys of up to 512 characters were accepted before long segments were
    // shortened: a segment of that length keeps its blob.
    private static readonly DocumentKeyMapping Names = new(maxSegmentLength: 512, maxNameLength: 1024);

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
        try
        {
            var response = await Blob(key).UploadAsync(
                content,
                new BlobUploadOptions { Conditions = conditions, HttpHeaders = JsonHeaders },
                cancellationToken);
            return response.Value.ETag.ToString("H");
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            throw new DocumentConflictException(key, ConflictReason.AlreadyExists, ex);
        }
        catch (RequestFailedException ex) when (ex.Status == 412)
        {
            // Azurite answers 412, not 404, to If-Match on a blob that is not there.
            var reason = await Blob(key).ExistsAsync(cancellationToken) ? ConflictReason.ETagMismatch : ConflictReason.Missing;
            throw new DocumentConflictException(key, reason, ex);
        }
        catch (RequestFailedException ex) when (ex.Status == 404 && conditions?.IfMatch is not null)
        {
            throw new DocumentConflictException(key, ConflictReason.Missing, ex);
        }
    }

    private BlobClient Blob(string key) => container.GetBlobClient(Names.NameOf(key));
}
