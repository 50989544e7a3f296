namespace BepBot.Infrastructure.Queues;

/// <summary>
/// The message was received again by someone else (its visibility timeout ran out) or is already completed:
/// this receiver no longer owns it and must not report its work as the message's outcome.
/// </summary>
public sealed class QueueMessageLostException : Exception
{
    public QueueMessageLostException(string queueName, string messageId, Exception? innerException = null)
        : base($"Message '{messageId}' of queue '{queueName}' was received again or completed: its pop receipt is no longer valid.", innerException)
    {
        QueueName = queueName;
        MessageId = messageId;
    }

    public QueueMessageLostException()
        : this(string.Empty, string.Empty)
    {
    }

    public QueueMessageLostException(string message)
        : base(message)
    {
        QueueName = string.Empty;
        MessageId = string.Empty;
    }

    public QueueMessageLostException(string message, Exception innerException)
        : base(message, innerException)
    {
        QueueName = string.Empty;
        MessageId = string.Empty;
    }

    public string QueueName { get; }

    public string MessageId { get; }
}
