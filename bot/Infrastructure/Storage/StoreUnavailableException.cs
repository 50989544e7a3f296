namespace BepBot.Infrastructure.Storage;

/// <summary>
/// The local folder store could not read or write its folder (a disk full or gone, a share lost, access denied):
/// the one kind of file-system failure that tells the user the storage is unreachable.
/// </summary>
public sealed class StoreUnavailableException : Exception
{
    public StoreUnavailableException()
    {
    }

    public StoreUnavailableException(string message)
        : base(message)
    {
    }

    public StoreUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
