using BepBot.Infrastructure.Exports;
using BepBot.Infrastructure.Telemetry;
using BepBot.Infrastructure.Uploads;
using Microsoft.Extensions.Localization;

namespace BepBot.Chat;

/// <summary>
/// A person's answer to a file-consent card the bot sent (<see cref="ExportHandout"/>). On accept, the file goes to
/// the upload address Teams gave, then Teams' file card shows it in the chat; only the person the export was made
/// for, only before its link expires: a card's context can be forged into someone else's export token, so the
/// store's owner decides, never the card. A decline is acknowledged and changes nothing.
/// </summary>
public sealed partial class AnswerFileConsent(ExportStore exports, FileUploader uploader, IStringLocalizer<ChatTexts> texts, ILogger<AnswerFileConsent> logger)
{
    // OneDrive takes a few seconds for the exports BepBot makes (under a megabyte); a minute is a hung upload.
    private static readonly TimeSpan UploadTimeout = TimeSpan.FromMinutes(1);

    public async Task<Reply> HandleAsync(ChatTurn turn, FileConsentAnswer answer, CancellationToken cancellationToken)
    {
        if (!answer.Accepted)
        {
            LogDeclined(logger, turn.User.AadObjectId);
            return Reply.WithText(texts["FileConsent_Declined"]);
        }

        var file = answer.ExportToken is { } token ? await exports.FindAsync(token, cancellationToken) : null;
        var refusal = file is null ? "unknown or expired export"
            : turn.User.AadObjectId.Length == 0 || file.Owner != turn.User.AadObjectId ? "export made for someone else"
            : answer.Upload is null ? "no upload session"
            : null;
        if (refusal is not null)
        {
            LogRefused(logger, turn.User.AadObjectId, refusal);
            return Reply.WithText(texts["FileConsent_Unavailable"]);
        }

        var upload = answer.Upload!;
        try
        {
            await uploader.UploadAsync(upload.UploadUrl, Convert.FromBase64String(file!.ContentBase64), UploadTimeout, cancellationToken);
        }
        catch (Exception ex) when (ex is HttpRequestException or TimeoutException)
        {
            LogUploadFailed(logger, ex, turn.User.AadObjectId);
            return Reply.WithText(texts["FileConsent_Failed"]);
        }

        LogUploaded(logger, turn.User.AadObjectId, file.FileName);
        return new Reply([new OutgoingMessage(
            texts["FileConsent_Saved", upload.Name],
            Shared: new SharedFile(upload.Name, upload.ContentUrl, upload.UniqueId, upload.FileType))]);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "File offer declined by {User}")]
    private static partial void LogDeclined(ILogger logger, [PseudonymousId] string user);

    [LoggerMessage(Level = LogLevel.Warning, Message = "File consent from {User} refused: {Reason}")]
    private static partial void LogRefused(ILogger logger, [PseudonymousId] string user, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "File upload to the OneDrive of {User} failed")]
    private static partial void LogUploadFailed(ILogger logger, Exception exception, [PseudonymousId] string user);

    [LoggerMessage(Level = LogLevel.Information, Message = "Export {FileName} put into the OneDrive of {User}")]
    private static partial void LogUploaded(ILogger logger, [PseudonymousId] string user, string fileName);
}
