using System.Runtime.CompilerServices;
using System.Text.Json;
using BepBot.Infrastructure.Storage;

namespace BepBot.Infrastructure.Scheduling;

/// <summary>Where jobs are stored (<c>jobs/{id}</c>), and the listing the book and the runner both walk.</summary>
public static partial class JobDocuments
{
    public const string KeyPrefix = "jobs/";

    public static string KeyOf(string id)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        return DocumentKey.Validate(KeyPrefix + DocumentKey.Segment(id));
    }

    /// <summary>Every readable job document; a damaged one is logged and skipped.</summary>
    public static async IAsyncEnumerable<Document<ScheduledJob>> ReadAllAsync(IDocumentStore store, ILogger logger, [EnumeratorCancellation] CancellationToken ct)
    {
        await foreach (var key in store.ListKeysAsync(KeyPrefix, ct))
        {
            Document<ScheduledJob>? document;
            try
            {
                document = await store.GetAsync<ScheduledJob>(key, ct);
            }
            catch (Exception ex) when (ex is JsonException or InvalidDataException or NotSupportedException)
            {
                // One damaged document must not stop every other job.
                LogUnreadable(logger, ex, key);
                continue;
            }

            if (document is not null)
            {
                yield return document;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Job document {Key} is unreadable and skipped")]
    private static partial void LogUnreadable(ILogger logger, Exception exception, string key);
}
