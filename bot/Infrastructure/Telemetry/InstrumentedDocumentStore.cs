using System.Diagnostics;
using System.Runtime.CompilerServices;
using BepBot.Infrastructure.Storage;

namespace BepBot.Infrastructure.Telemetry;

/// <summary>Times every operation of the real store (Blob or local folder) into bepbot.store.duration.</summary>
public sealed class InstrumentedDocumentStore(IDocumentStore inner, BepBotMetrics metrics) : IDocumentStore
{
    public IDocumentStore Inner => inner;

    public Task<RawDocument?> GetAsync(string key, CancellationToken cancellationToken = default) =>
        TimeAsync("get", () => inner.GetAsync(key, cancellationToken), document => document is null ? "not_found" : "ok");

    public Task<string> CreateAsync(string key, BinaryData content, CancellationToken cancellationToken = default) =>
        TimeAsync("create", () => inner.CreateAsync(key, content, cancellationToken));

    public Task<string> ReplaceAsync(string key, BinaryData content, string etag, CancellationToken cancellationToken = default) =>
        TimeAsync("replace", () => inner.ReplaceAsync(key, content, etag, cancellationToken));

    public Task<string> UpsertAsync(string key, BinaryData content, CancellationToken cancellationToken = default) =>
        TimeAsync("upsert", () => inner.UpsertAsync(key, content, cancellationToken));

    public Task<bool> DeleteAsync(string key, string? etag = null, CancellationToken cancellationToken = default) =>
        TimeAsync("delete", () => inner.DeleteAsync(key, etag, cancellationToken), deleted => deleted ? "ok" : "not_found");

    public Task<bool> IsReachableAsync(CancellationToken cancellationToken = default) =>
        TimeAsync("ping", () => inner.IsReachableAsync(cancellationToken), reachable => reachable ? "ok" : "error");

    public IAsyncEnumerable<string> ListKeysAsync(string prefix, CancellationToken cancellationToken = default) =>
        TimeListingAsync("list", inner.ListKeysAsync(prefix, cancellationToken));

    // Listed with their documents (the store reads only the documents that changed since): one operation too.
    public IAsyncEnumerable<RawDocument> ListDocumentsAsync(string prefix, CancellationToken cancellationToken = default) =>
        TimeListingAsync("list-read", inner.ListDocumentsAsync(prefix, cancellationToken));

    // The whole listing is one operation: timed from the first request to the last item (or to an early stop).
    private async IAsyncEnumerable<T> TimeListingAsync<T>(string operation, IAsyncEnumerable<T> listing)
    {
        var started = Stopwatch.GetTimestamp();
        var outcome = "error";
        try
        {
            await foreach (var item in listing)
            {
                yield return item;
            }

            outcome = "ok";
        }
        finally
        {
            metrics.RecordStoreOperation(operation, outcome, Stopwatch.GetElapsedTime(started));
        }
    }

    private async Task<T> TimeAsync<T>(string operation, Func<Task<T>> call, Func<T, string>? outcomeOf = null)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            var result = await call();
            metrics.RecordStoreOperation(operation, outcomeOf?.Invoke(result) ?? "ok", Stopwatch.GetElapsedTime(started));
            return result;
        }
        catch (DocumentConflictException)
        {
            // A conflict is the store doing its job (optimistic concurrency), not a failure.
            metrics.RecordStoreOperation(operation, "conflict", Stopwatch.GetElapsedTime(started));
            throw;
        }
        catch (Exception)
        {
            metrics.RecordStoreOperation(operation, "error", Stopwatch.GetElapsedTime(started));
            throw;
        }
    }
}
