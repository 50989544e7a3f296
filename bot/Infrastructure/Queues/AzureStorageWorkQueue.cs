using System.Collections.Concurrent;
using Azure;
using Azure.Core;
using Azure.Storage.Queues;
using BepBot.Infrastructure.Storage;

namespace BepBot.Infrastructure.Queues;

/// <summary>
/// Azure Storage Queues (Azurite locally). The client is built here rather than passed in because bodies are
/// arbitrary bytes: without Base64 message encoding the service rejects anything that is not valid XML text.
/// </summary>
public sealed class AzureStorageWorkQueue : IWorkQueue
{
    // The service's default time-to-live silently drops a message after 7 days; work must not vanish unseen.
    private static readonly TimeSpan NeverExpires = TimeSpan.FromSeconds(-1);
    private const int EnqueueParallelism = 16;

    private readonly QueueServiceClient _service;
    private readonly ConcurrentDictionary<string, QueueClient> _created = new(StringComparer.Ordinal);

    public AzureStorageWorkQueue(string connectionString, TimeProvider? clock = null)
        : this(new QueueServiceClient(connectionString, ClientOptions(clock)))
    {
    }

    public AzureStorageWorkQueue(Uri serviceUri, TokenCredential credential, TimeProvider? clock = null)
        : this(new QueueServiceClient(serviceUri, credential, ClientOptions(clock)))
    {
    }

    private AzureStorageWorkQueue(QueueServiceClient service) => _service = service;

    public Uri ServiceUri => _service.Uri;

    public async Task EnqueueAsync(string queueName, BinaryData body, TimeSpan? initialDelay = null, CancellationToken cancellationToken = default)
    {
        WorkQueueLimits.ValidateBody(body);
        if (initialDelay is { } delay)
        {
            WorkQueueLimits.ValidateDelay(delay, nameof(initialDelay));
        }

        var queue = await QueueAsync(queueName, cancellationToken);
        await queue.SendMessageAsync(body, initialDelay, NeverExpires, cancellationToken);
    }

    public async Task EnqueueManyAsync(string queueName, IEnumerable<BinaryData> bodies, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(bodies);
        var all = bodies.ToList();
        all.ForEach(WorkQueueLimits.ValidateBody);
        var queue = await QueueAsync(queueName, cancellationToken);
        // The service has no batch send: parallel single sends are how the SDK's own samples reach throughput.
        await Parallel.ForEachAsync(
            all,
            new ParallelOptions { MaxDegreeOfParallelism = EnqueueParallelism, CancellationToken = cancellationToken },
            async (body, token) => await queue.SendMessageAsync(body, visibilityTimeout: null, NeverExpires, token));
    }

    public async Task<IReadOnlyList<QueuedMessage>> ReceiveAsync(string queueName, int maxMessages, TimeSpan visibilityTimeout, CancellationToken cancellationToken = default)
    {
        WorkQueueLimits.ValidateReceive(maxMessages, visibilityTimeout);
        var queue = await QueueAsync(queueName, cancellationToken);
        var response = await queue.ReceiveMessagesAsync(maxMessages, visibilityTimeout, cancellationToken);
        return [.. response.Value.Select(message =>
            new QueuedMessage(queue.Name, message.MessageId, message.PopReceipt, message.Body, message.DequeueCount))];
    }

    public async Task CompleteAsync(QueuedMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        var queue = await QueueAsync(message.QueueName, cancellationToken);
        try
        {
            await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, cancellationToken);
        }
        catch (RequestFailedException ex) when (IsLost(ex))
        {
            throw new QueueMessageLostException(queue.Name, message.MessageId, ex);
        }
    }

    public async Task<QueuedMessage> DelayAsync(QueuedMessage message, TimeSpan delay, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        WorkQueueLimits.ValidateDelay(delay, nameof(delay));
        var queue = await QueueAsync(message.QueueName, cancellationToken);
        try
        {
            var receipt = await queue.UpdateMessageAsync(message.MessageId, message.PopReceipt, message: (BinaryData?)null, delay, cancellationToken);
            return message with { QueueName = queue.Name, PopReceipt = receipt.Value.PopReceipt };
        }
        catch (RequestFailedException ex) when (IsLost(ex))
        {
            throw new QueueMessageLostException(queue.Name, message.MessageId, ex);
        }
    }

    public async Task<int> ApproximateCountAsync(string queueName, CancellationToken cancellationToken = default)
    {
        var queue = await QueueAsync(queueName, cancellationToken);
        var properties = await queue.GetPropertiesAsync(cancellationToken);
        return properties.Value.ApproximateMessagesCount;
    }

    /// <summary>The queue service next to a blob service: same account, "queue" instead of "blob" in the host.</summary>
    public static Uri QueueServiceUriFor(Uri blobServiceUri) => StorageAccountUris.ServiceUriFor(blobServiceUri, "queue");

    private static QueueClientOptions ClientOptions(TimeProvider? clock) =>
        TurnDeadlineRetryPolicy.Install(new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 }, clock ?? TimeProvider.System);

    // 404 MessageNotFound is what the service answers for a stale pop receipt; 400 PopReceiptMismatch is documented too.
    private static bool IsLost(RequestFailedException ex) =>
        ex.Status == 404 || (ex.Status == 400 && ex.ErrorCode == "PopReceiptMismatch");

    private async ValueTask<QueueClient> QueueAsync(string queueName, CancellationToken cancellationToken)
    {
        var name = WorkQueueLimits.NormalizeName(queueName);
        if (_created.TryGetValue(name, out var existing))
        {
            return existing;
        }

        var queue = _service.GetQueueClient(name);
        await queue.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        return _created.GetOrAdd(name, queue);
    }
}
