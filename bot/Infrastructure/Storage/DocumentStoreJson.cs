using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace BepBot.Infrastructure.Storage;

/// <summary>Typed JSON access and the bounded ETag retry loop, written once for every store.</summary>
public static class DocumentStoreJson
{
    public const int DefaultMaxAttempts = 8;

    private const int MaxBackoffMilliseconds = 1000;

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
        int maxAttempts = DefaultMaxAttempts,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(update);
        for (var attempt = 1; ; attempt++)
        {
            var current = await store.GetAsync<T>(key, cancellationToken);
            var next = update(current is null ? default : current.Value);
            try
            {
                var etag = current is null
                    ? await store.CreateAsync(key, next, cancellationToken)
                    : await store.ReplaceAsync(key, next, current.ETag, cancellationToken);
                return new Document<T>(key, next, etag);
            }
            catch (DocumentConflictException) when (attempt < maxAttempts)
            {
                await BackOffAsync(attempt, cancellationToken);
            }
        }
    }

    /// <summary>
    /// Like <see cref="UpdateAsync"/> for a document that must already exist: returns null when it does not, and
    /// leaves it untouched (returning it as it is) when <paramref name="change"/> returns null.
    /// </summary>
    public static async Task<T?> ChangeAsync<T>(
        this IDocumentStore store,
        string key,
        Func<T, T?> change,
        int maxAttempts = DefaultMaxAttempts,
        CancellationToken cancellationToken = default)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(change);
        for (var attempt = 1; ; attempt++)
        {
            var current = await store.GetAsync<T>(key, cancellationToken);
            if (current is null)
            {
                return null;
            }

            var next = change(current.Value);
            if (next is null)
            {
                return current.Value;
            }

            try
            {
                await store.ReplaceAsync(key, next, current.ETag, cancellationToken);
                return next;
            }
            catch (DocumentConflictException) when (attempt < maxAttempts)
            {
                await BackOffAsync(attempt, cancellationToken);
            }
        }
    }

    // Exponential backoff with full jitter: a linear window kept 20 contenders colliding until
    // some ran out of attempts; doubling it spreads them out within the bound.
    private static Task BackOffAsync(int attempt, CancellationToken cancellationToken) =>
        Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(1, Math.Min(MaxBackoffMilliseconds, 10 << attempt))), cancellationToken);

    public static async IAsyncEnumerable<Document<T>> ListAsync<T>(
        this IDocumentStore store,
        string prefix,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var key in store.ListKeysAsync(prefix, cancellationToken))
        {
            var document = await store.GetAsync<T>(key, cancellationToken);
            if (document is not null)
            {
                yield return document;
            }
        }
    }

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
