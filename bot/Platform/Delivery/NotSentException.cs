using BepBot.Chat;

namespace BepBot.Platform.Delivery;

/// <summary>A proactive call a scheduled job needs did not go through yet; thrown so that the job runner tries the job again.</summary>
public sealed class NotSentException : Exception
{
    public NotSentException()
    {
    }

    public NotSentException(string message)
        : base(message)
    {
    }

    public NotSentException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public NotSentException(ProactiveOutcome outcome)
        : base($"Teams did not take the message: {outcome}.")
    {
    }
}
