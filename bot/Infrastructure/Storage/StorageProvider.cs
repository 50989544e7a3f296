namespace BepBot.Infrastructure.Storage;

public enum StorageProvider
{
    LocalFolder,
    Blob,
}
