namespace BepBot.Infrastructure.Storage;

/// <summary>
/// A key the store cannot hold: not a key at all, or longer than any store keeps. Keys are built by our code from
/// <see cref="DocumentKey.Segment"/>, so this is a bug of ours, never an outage. The message names only the key's
/// first segment, our own literal: the rest may hold a person's or a conversation's id, which logs must not carry.
/// </summary>
public sealed class InvalidDocumentKeyException : ArgumentException
{
    public InvalidDocumentKeyException(string key, string reason, Exception? innerException = null)
        : base($"Invalid document key under '{FirstSegment(key)}' ({key.Length} characters): {reason}.", innerException)
    {
    }

    public InvalidDocumentKeyException()
    {
    }

    public InvalidDocumentKeyException(string message)
        : base(message)
    {
    }

    public InvalidDocumentKeyException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    private static string FirstSegment(string key) => key.Split('/')[0] is { Length: <= 40 } first ? first : "?";
}
