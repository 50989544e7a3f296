using BepBot.Cards;
using BepBot.Infrastructure.Downloads;
using BepBot.Infrastructure.Telemetry;
using BepBot.Infrastructure.Text;
using CsvHelper;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace BepBot.Chat;

/// <summary>
/// A file sent to the bot: only BEP staff, only in a personal chat, one CSV file at a time, within the size and time
/// allowed. Downloaded once, then handed to the feature whose <see cref="IFileImport"/> recognises its first row.
/// Nothing is stored here: each refusal is answered and logged, and the store stays as it was.
/// </summary>
public sealed partial class ImportSentFile(
    IEnumerable<IFileImport> imports,
    FileDownloader downloader,
    IOptions<FileImportOptions> options,
    IStringLocalizer<ChatTexts> texts,
    ILogger<ImportSentFile> logger)
{
    public async Task<Reply> HandleAsync(ChatTurn turn, IReadOnlyList<ChatAttachment> files, CancellationToken cancellationToken)
    {
        var user = turn.User.AadObjectId;
        if (turn.User.Role != Role.BepStaff)
        {
            LogRefused(logger, user, turn.User.Role);
            return Reply.WithText(texts["File_StaffOnly"]);
        }

        if (turn.Conversation.Kind != ConversationKind.Personal)
        {
            LogNotPersonal(logger, user, turn.Conversation.Kind);
            return Reply.WithText(texts["File_PersonalOnly"]);
        }

        if (files.Count > 1)
        {
            LogSeveralFiles(logger, user, files.Count);
            return Reply.WithText(texts["File_OneFile"]);
        }

        var file = files[0];
        var fileName = Path.GetFileName(file.Name ?? string.Empty);
        if (!fileName.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) && !string.Equals(file.FileType, "csv", StringComparison.OrdinalIgnoreCase))
        {
            LogNotCsv(logger, user, Path.GetExtension(fileName));
            return Reply.WithText(texts["File_NotCsv", CardText.EscapeMarkdown(fileName)]);
        }

        if (fileName.Length == 0)
        {
            fileName = "fichier.csv";
        }

        var maxMegabytes = options.Value.MaxMegabytes;
        byte[] content;
        try
        {
            content = await downloader.DownloadAsync(file.DownloadUrl!, maxMegabytes * 1024L * 1024L, options.Value.DownloadTimeout, cancellationToken);
        }
        catch (FileTooLargeException)
        {
            LogTooLarge(logger, user, fileName, maxMegabytes);
            return Reply.WithText(texts["File_TooLarge", CardText.EscapeMarkdown(fileName), maxMegabytes]);
        }
        catch (TimeoutException ex)
        {
            LogDownloadFailed(logger, ex, fileName, user);
            return Reply.WithText(texts["File_DownloadTimedOut", CardText.EscapeMarkdown(fileName)]);
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException)
        {
            LogDownloadFailed(logger, ex, fileName, user);
            return Reply.WithText(texts["File_DownloadFailed", CardText.EscapeMarkdown(fileName)]);
        }

        // A spreadsheet or an image renamed .csv: text files have no NUL byte.
        if (Array.IndexOf(content, (byte)0) >= 0)
        {
            LogNotCsv(logger, user, "binary");
            return Reply.WithText(texts["File_NotText", CardText.EscapeMarkdown(fileName)]);
        }

        var text = TextFileDecoding.Decode(content);
        if (string.IsNullOrWhiteSpace(text))
        {
            LogEmpty(logger, user, fileName);
            return Reply.WithText(texts["File_Empty", CardText.EscapeMarkdown(fileName)]);
        }

        var columns = FirstRowOf(text);
        var recognising = imports.Where(import => import.Recognises(columns)).ToList();
        if (recognising.Count != 1)
        {
            LogUnrecognised(logger, user, fileName, recognising.Count);
            var expected = string.Join("\n\n", imports.Select(import => "- " + import.DescribeExpectedFile()));
            return Reply.WithText(texts[recognising.Count == 0 ? "File_Unrecognised" : "File_Ambiguous", CardText.EscapeMarkdown(fileName), expected]);
        }

        return await recognising[0].ImportAsync(turn, new SentFile(fileName, content, text), cancellationToken);
    }

    private static List<string> FirstRowOf(string text)
    {
        using var reader = CsvReader.FromText(text, new CsvReaderOptions { HasHeader = true });
        reader.ReadHeader();
        return [.. reader.Headers.Select(column => column.Trim())];
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "File import refused to {User} with role {Role}")]
    private static partial void LogRefused(ILogger logger, [PseudonymousId] string user, Role role);

    [LoggerMessage(Level = LogLevel.Warning, Message = "File import from {User} refused: sent in a {Kind} conversation")]
    private static partial void LogNotPersonal(ILogger logger, [PseudonymousId] string user, ConversationKind kind);

    [LoggerMessage(Level = LogLevel.Warning, Message = "File import from {User} refused: {Count} files at once")]
    private static partial void LogSeveralFiles(ILogger logger, [PseudonymousId] string user, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "File import from {User} refused: not a CSV file ({Kind})")]
    private static partial void LogNotCsv(ILogger logger, [PseudonymousId] string user, string kind);

    [LoggerMessage(Level = LogLevel.Warning, Message = "File {FileName} from {User} refused: over {Megabytes} MB")]
    private static partial void LogTooLarge(ILogger logger, [PseudonymousId] string user, string fileName, int megabytes);

    [LoggerMessage(Level = LogLevel.Warning, Message = "File {FileName} from {User} could not be downloaded")]
    private static partial void LogDownloadFailed(ILogger logger, Exception exception, string fileName, [PseudonymousId] string user);

    [LoggerMessage(Level = LogLevel.Warning, Message = "File {FileName} from {User} refused: empty")]
    private static partial void LogEmpty(ILogger logger, [PseudonymousId] string user, string fileName);

    [LoggerMessage(Level = LogLevel.Warning, Message = "File {FileName} from {User} refused: its first row matches {Count} kinds of import, not one")]
    private static partial void LogUnrecognised(ILogger logger, [PseudonymousId] string user, string fileName, int count);
}
