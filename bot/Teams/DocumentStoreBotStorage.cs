using BepBot.Infrastructure.Storage;
using Microsoft.Bot.Builder;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace BepBot.Teams;

/// <summary>
/// The SDK's IStorage (conversation and user state) on our document store, shaped like the SDK's BlobsStorage,
/// which is not served here: an item that carries an ETag is written with If-Match and a stale one gets a
/// typed conflict; items without an ETag (or "*") are last-writer-wins, as in the SDK.
/// </summary>
public sealed class DocumentStoreBotStorage(IDocumentStore store) : IStorage
{
    private const string Prefix = "botstate/";

    // Nulls are kept: BotState decides whether to save by hashing the state with Newtonsoft's defaults, so a
    // document that dropped them would never hash the same again and every turn would write it.
    private static readonly JsonSerializerSettings Settings = new() { TypeNameHandling = TypeNameHandling.None };

    public async Task<IDictionary<string, object>> ReadAsync(string[] keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var items = new Dictionary<string, object>();
        foreach (var key in keys)
        {
            var document = await store.GetAsync(KeyOf(key), cancellationToken);
            if (document is null)
            {
                continue;
            }

            var item = JObject.Parse(document.Content.ToString());
            item["eTag"] = document.ETag;
            items[key] = item;
        }

        return items;
    }

    public async Task WriteAsync(IDictionary<string, object> changes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(changes);
        foreach (var (key, value) in changes)
        {
            var json = JObject.FromObject(value, JsonSerializer.Create(Settings));
            var etag = (value as IStoreItem)?.ETag ?? json.Value<string>("eTag");
            json.Remove("eTag");
            var content = BinaryData.FromString(json.ToString(Formatting.None));
            if (string.IsNullOrEmpty(etag) || etag == "*")
            {
                await store.UpsertAsync(KeyOf(key), content, cancellationToken);
            }
            else
            {
                await store.ReplaceAsync(KeyOf(key), content, etag, cancellationToken);
            }
        }
    }

    public async Task DeleteAsync(string[] keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        foreach (var key in keys)
        {
            await store.DeleteAsync(KeyOf(key), cancellationToken: cancellationToken);
        }
    }

    private static string KeyOf(string key) => Prefix + DocumentKey.Segment(key);
}
