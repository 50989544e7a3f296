using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace BepBot.Infrastructure.Storage;

/// <summary>Typed JSON access and the bounded ETag retry loop, written once for every store.</summary>
public static class DocumentStoreJson
{
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    public static async Task<Document<T>?> GetAsync<T>(this IDocumentStore store, string key, CancellationToken cancellationToken = default)
    {
        var raw = await store.GetAsync(key, cancellationToken);
        return raw is null ? null : new Document<T>(raw.Key, Deserialize<T>(raw), raw.ETag);
    }

    public static Task<string> CreateAsync<T>(this IDocumentStore store, string key, T value, CancellationToken cancellationToken = default) =>
        store.CreateAsync(key, Serialize(value), cancellationToken);

    public static Task<string> ReplaceAsync<T>(this IDocumentStore store, string key, T value, string etag, CancellationToken cancellationToken = default) =>
        store.ReplaceAsync(key, Serialize(value), etag, cancellationToken);

    public static Task<string> UpsertAsync<T>(this IDocumentStore store, string key, T value, CancellationToken cancellationToken = default) =>
        store.UpsertAsync(key, Serialize(value), cancellationToken);

    /// <summary>
    /// Read-modify-write with optimistic concurrency: re-reads and re-applies <paramref name="update"/> when
    /// another writer got there first, at most <paramref name="maxAttempts"/> times, then lets the conflict surface.
    /// <paramref name="update"/> receives null when the document does not exist yet, and must be free of side effects.
    /// </summary>
    public static async Task<Document<T>> UpdateAsync<T>(
        this IDocumentStore store,
        string key,
        Func<T?, T> update,
        int maxAttempts = ConflictRetry.DefaultMaxAttempts,
        CancellationToken cancellationToken = default)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(update);
        var result = await store.UpdateAsync<T, T>(
            key,
            current =>
            {
                var next = update(current);
                return (next, next);
            },
            ConflictRetry.WithBackOff(maxAttempts),
            cancellationToken);
        return result.Written!;
    }

    /// <summary>
    /// Like <see cref="UpdateAsync{T}"/> for a document that must already exist: returns null when it does not, and
    /// leaves it untouched (returning it as it is) when <paramref name="change"/> returns null.
    /// </summary>
    public static async Task<T?> ChangeAsync<T>(
        this IDocumentStore store,
        string key,
        Func<T, T?> change,
        int maxAttempts = ConflictRetry.DefaultMaxAttempts,
        CancellationToken cancellationToken = default)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(change);
        var result = await store.UpdateAsync<T, T?>(
            key,
            current => current is null ? (null, null) : change(current) is { } next ? (next, next) : (null, current),
            ConflictRetry.WithBackOff(maxAttempts),
            cancellationToken);
        return result.Outcome;
    }

    /// <summary>
    /// The optimistic-concurrency loop every store uses. Each attempt reads the document, asks <paramref name="decide"/>
    /// what to make of it (null when absent) and writes its Next under If-Match, or creates it when it was absent; a
    /// null Next writes nothing. On a conflict it re-reads and decides again, as <paramref name="retry"/> allows (by
    /// default <see cref="ConflictRetry.Default"/>), then lets the <see cref="DocumentConflictException"/> surface.
    /// To refuse, <paramref name="decide"/> returns a null Next with its outcome, or throws its own exception.
    /// </summary>
    public static Task<DocumentUpdate<T, TOutcome>> UpdateAsync<T, TOutcome>(
        this IDocumentStore store,
        string key,
        Func<T?, (T? Next, TOutcome Outcome)> decide,
        ConflictRetry? retry = null,
        CancellationToken cancellationToken = default)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(decide);
        return store.UpdateAsync<T, TOutcome>(key, (current, _) => ValueTask.FromResult(decide(current)), retry, cancellationToken);
    }

    /// <summary><see cref="UpdateAsync{T, TOutcome}(IDocumentStore, string, Func{T, ValueTuple{T, TOutcome}}, ConflictRetry?, CancellationToken)"/> for a decision that reads or writes elsewhere first.</summary>
    public static Task<DocumentUpdate<T, TOutcome>> UpdateAsync<T, TOutcome>(
        this IDocumentStore store,
        string key,
        Func<T?, CancellationToken, ValueTask<(T? Next, TOutcome Outcome)>> decide,
        ConflictRetry? retry = null,
        CancellationToken cancellationToken = default)
        where T : class =>
        store.UpdateCoreAsync(key, firstRead: null, decide, retry, cancellationToken);

    /// <summary>The same loop, starting from <paramref name="read"/>, the document as the caller has just read it (null: absent).</summary>
    public static Task<DocumentUpdate<T, TOutcome>> UpdateFromAsync<T, TOutcome>(
        this IDocumentStore store,
        string key,
        Document<T>? read,
        Func<T?, (T? Next, TOutcome Outcome)> decide,
        ConflictRetry? retry = null,
        CancellationToken cancellationToken = default)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(decide);
        return store.UpdateCoreAsync<T, TOutcome>(key, new FirstRead<T>(read), (current, _) => ValueTask.FromResult(decide(current)), retry, cancellationToken);
    }

    private static Task<DocumentUpdate<T, TOutcome>> UpdateCoreAsync<T, TOutcome>(
        this IDocumentStore store,
        string key,
        FirstRead<T>? firstRead,
        Func<T?, CancellationToken, ValueTask<(T? Next, TOutcome Outcome)>> decide,
        ConflictRetry? retry,
        CancellationToken cancellationToken)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(decide);
        return (retry ?? ConflictRetry.Default).RunAsync(
            async attempt =>
            {
                var current = attempt == 1 && firstRead is not null ? firstRead.Document : await store.GetAsync<T>(key, cancellationToken);
                var (next, outcome) = await decide(current?.Value, cancellationToken);
                if (next is null)
                {
                    return new DocumentUpdate<T, TOutcome>(current, null, outcome);
                }

                var etag = current is null
                    ? await store.CreateAsync(key, next, cancellationToken)
                    : await store.ReplaceAsync(key, next, current.ETag, cancellationToken);
                return new DocumentUpdate<T, TOutcome>(current, new Document<T>(key, next, etag), outcome);
            },
            cancellationToken);
    }

    private sealed record FirstRead<T>(Document<T>? Document);

    /// <summary>The documents under <paramref name="prefix"/>, in key order (<see cref="IDocumentStore.ListDocumentsAsync"/>).</summary>
    public static async IAsyncEnumerable<Document<T>> ListAsync<T>(
        this IDocumentStore store,
        string prefix,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var raw in store.ListDocumentsAsync(prefix, cancellationToken))
        {
            yield return new Document<T>(raw.Key, Deserialize<T>(raw), raw.ETag);
        }
    }

    /// <summary>The values of the documents under <paramref name="prefix"/>, in key order.</summary>
    public static async Task<IReadOnlyList<T>> ListValuesAsync<T>(this IDocumentStore store, string prefix, CancellationToken cancellationToken = default)
    {
        var values = new List<T>();
        await foreach (var document in store.ListAsync<T>(prefix, cancellationToken))
        {
            values.Add(document.Value);
        }

        return values;
    }

    /// <summary>
    /// The documents at <paramref name="keys"/>, in the order given (null where there is none), read several at a
    /// time: a page that shows 40 votes or 1,000 members waits for a few round trips to the store, not for each.
    /// </summary>
    public static async Task<Document<T>?[]> GetManyAsync<T>(this IDocumentStore store, IReadOnlyList<string> keys, CancellationToken cancellationToken = default) =>
        Array.ConvertAll(await IDocumentStore.ReadManyAsync(store, keys, cancellationToken), raw => raw is null ? null : new Document<T>(raw.Key, Deserialize<T>(raw), raw.ETag));

    public static BinaryData Serialize<T>(T value) => BinaryData.FromObjectAsJson(value, Options);

    private static T Deserialize<T>(RawDocument raw) =>
        raw.Content.ToObjectFromJson<T>(Options)
        ?? throw new InvalidDataException($"Document '{raw.Key}' is empty.");

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            WriteIndented = true,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower));
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
