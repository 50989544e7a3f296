namespace BepBot.Chat;

/// <summary>A card payload that does not have the shape its verb expects (missing, extra or mistyped fields).</summary>
public sealed class InvalidCardDataException : Exception
{
    public InvalidCardDataException()
    {
    }

    public InvalidCardDataException(string message)
        : base(message)
    {
    }

    public InvalidCardDataException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
