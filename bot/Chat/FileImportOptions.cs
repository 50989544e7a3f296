namespace BepBot.Chat;

public sealed class FileImportOptions
{
    public const string Section = "FileImports";

    /// <summary>Largest CSV file accepted from a Teams upload (the roster or an Observatoire data set).</summary>
    public int MaxMegabytes { get; set; } = 5;

    /// <summary>How long the download of that file from Teams may take.</summary>
    public TimeSpan DownloadTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
