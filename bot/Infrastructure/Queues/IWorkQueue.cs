namespace BepBot.Infrastructure.Queues;

/// <summary>
/// Durable at-least-once work queue, shaped like Azure Storage Queues: a received message is hidden for a
/// visibility timeout and comes back (DequeueCount + 1) unless it is completed in time. Consumers must be
/// idempotent. Two implementations pass the same contract tests: Azure Storage Queues and a local folder.
/// </summary>
public interface IWorkQueue
{
    Task EnqueueAsync(string queueName, BinaryData body, TimeSpan? initialDelay = null, CancellationToken cancellationToken = default);

    Task EnqueueManyAsync(string queueName, IEnumerable<BinaryData> bodies, CancellationToken cancellationToken = default);

    /// <summary>Up to <paramref name="maxMessages"/> visible messages, each invisible to other receivers for <paramref name="visibilityTimeout"/>.</summary>
    Task<IReadOnlyList<QueuedMessage>> ReceiveAsync(string queueName, int maxMessages, TimeSpan visibilityTimeout, CancellationToken cancellationToken = default);

    /// <summary>Deletes the message for good; throws <see cref="QueueMessageLostException"/> when its pop receipt is no longer valid.</summary>
    Task CompleteAsync(QueuedMessage message, CancellationToken cancellationToken = default);

    /// <summary>Makes the message visible again after <paramref name="delay"/> (retry later) and returns it with its new
    /// pop receipt; throws <see cref="QueueMessageLostException"/> when its pop receipt is no longer valid.</summary>
    Task<QueuedMessage> DelayAsync(QueuedMessage message, TimeSpan delay, CancellationToken cancellationToken = default);

    /// <summary>Messages in the queue, visible or not.</summary>
    Task<int> ApproximateCountAsync(string queueName, CancellationToken cancellationToken = default);
}
