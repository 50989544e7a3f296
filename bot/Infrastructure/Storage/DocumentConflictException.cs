namespace BepBot.Infrastructure.Storage;

/// <summary>A concurrent writer got there first: re-read and retry, or tell the user.</summary>
public sealed class DocumentConflictException : Exception
{
    public DocumentConflictException(string key, ConflictReason reason, Exception? innerException = null)
        : base($"Document '{key}' conflict: {reason}.", innerException)
    {
        Key = key;
        Reason = reason;
    }

    public DocumentConflictException()
        : this(string.Empty, ConflictReason.ETagMismatch)
    {
    }

    public DocumentConflictException(string message)
        : base(message)
    {
        Key = string.Empty;
    }

    public DocumentConflictException(string message, Exception innerException)
        : base(message, innerException)
    {
        Key = string.Empty;
    }

    public string Key { get; }

    public ConflictReason Reason { get; }
}
