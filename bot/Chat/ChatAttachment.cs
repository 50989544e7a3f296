namespace BepBot.Chat;

/// <summary>
/// A file that came with a message, free of any Bot Framework type. For a file a user uploads in a Teams personal
/// chat, <see cref="DownloadUrl"/> is the short-lived pre-authenticated link Teams gives the bot.
/// </summary>
public sealed record ChatAttachment(string? Name, string ContentType, Uri? DownloadUrl, string? FileType = null)
{
    public const string TeamsFileDownloadInfo = "application/vnd.microsoft.teams.file.download.info";

    /// <summary>
    /// A file sent to the bot: Teams' file-download attachment, or an attachment with a content link and a file name
    /// other than an image or a card (the Agents Playground sends a file that way).
    /// </summary>
    public bool IsFileUpload => DownloadUrl is not null
        && (ContentType == TeamsFileDownloadInfo
            || (!string.IsNullOrEmpty(Name)
                && !ContentType.StartsWith("image/", StringComparison.OrdinalIgnoreCase)
                && !ContentType.StartsWith("application/vnd.microsoft.card.", StringComparison.OrdinalIgnoreCase)
                && !ContentType.StartsWith("text/html", StringComparison.OrdinalIgnoreCase)));
}
