namespace BepBot.Infrastructure.Storage;

public enum StorageProvider
{
    LocalFolder,
    Blob,
}

public sealed class StorageOptions
{
    public const string Section = "Storage";

    public StorageProvider Provider { get; set; } = StorageProvider.LocalFolder;

    /// <summary>Folder of the embedded store, relative to the content root.</summary>
    public string LocalFolder { get; set; } = ".data";

    /// <summary>Azure Storage connection string (Azurite: UseDevelopmentStorage=true). Takes precedence over <see cref="ServiceUri"/>.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Blob service URI, used with the app's managed identity when no connection string is set.</summary>
    public Uri? ServiceUri { get; set; }

    public string Container { get; set; } = "bepbot";
}
