using Microsoft.Extensions.Options;

namespace BepBot.Infrastructure.Storage;

/// <summary>
/// At start, deletes the temporary files a killed process left in the local folder store: those already there when
/// the bot started, once they are <see cref="StorageOptions.AbandonedTemporaryFileAge"/> old (at once for the older
/// ones, the others when they reach that age untouched). A younger one may be another process's write in progress, and a file
/// created after the start is this process's own. Reads never see them either way.
/// </summary>
public sealed partial class TemporaryFileSweeper(
    IServiceProvider services,
    IOptions<StorageOptions> options,
    ILogger<TemporaryFileSweeper> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Value.Provider != StorageProvider.LocalFolder)
        {
            return;
        }

        // The walk of the folder is not the start's to wait for.
        await Task.Yield();
        var age = options.Value.AbandonedTemporaryFileAge;
        var found = services.GetRequiredService<LocalFolderDocumentStore>().TemporaryFiles();
        if (found.Count == 0)
        {
            return;
        }

        var now = DateTime.UtcNow;
        var young = DeleteAbandoned(found, file => file.LastWriteTimeUtc <= now - age);
        if (young.Count > 0)
        {
            // File times are the file system's, not the bot's clock.
            var firstSeen = young.ToDictionary(file => file.FullName, file => file.LastWriteTimeUtc, StringComparer.Ordinal);
            var wait = firstSeen.Values.Max() + age - DateTime.UtcNow;
            try
            {
                await Task.Delay(wait > TimeSpan.Zero ? wait : TimeSpan.Zero, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            // Untouched since then: nobody wrote to it for the whole age.
            young = DeleteAbandoned(young, file => file.LastWriteTimeUtc == firstSeen[file.FullName]);
        }

        LogSwept(logger, found.Count, young.Count);
    }

    /// <summary>Deletes the files still there that are <paramref name="abandoned"/>; returns the others.</summary>
    private List<FileInfo> DeleteAbandoned(IReadOnlyList<FileInfo> files, Func<FileInfo, bool> abandoned)
    {
        var kept = new List<FileInfo>();
        foreach (var file in files)
        {
            // A write that completed since renamed its temporary file away.
            file.Refresh();
            if (!file.Exists)
            {
                continue;
            }

            if (!abandoned(file))
            {
                kept.Add(file);
                continue;
            }

            try
            {
                file.Delete();
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                LogNotDeleted(logger, ex, file.Name);
            }
        }

        return kept;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Local store: {Found} temporary file(s) found at start, left by interrupted writes; all deleted but {Kept} still being written")]
    private static partial void LogSwept(ILogger logger, int found, int kept);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Local store: temporary file {FileName} could not be deleted; it is never read as a document")]
    private static partial void LogNotDeleted(ILogger logger, Exception exception, string fileName);
}
