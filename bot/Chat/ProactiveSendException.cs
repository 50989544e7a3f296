using BepBot.Infrastructure.Storage;

namespace BepBot.Chat;

/// <summary>The Bot Connector answered with an error status (429 throttled, 403 bot removed, 404 conversation gone, 5xx...).</summary>
public sealed class ProactiveSendException : Exception
{
    public ProactiveSendException()
    {
    }

    public ProactiveSendException(string message)
        : base(message)
    {
    }

    public ProactiveSendException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public ProactiveSendException(int statusCode, TimeSpan? retryAfter, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        StatusCode = statusCode;
        RetryAfter = retryAfter;
    }

    /// <summary>The HTTP status, or 0 when the connector could not be reached at all.</summary>
    public int StatusCode { get; }

    public TimeSpan? RetryAfter { get; }
}
