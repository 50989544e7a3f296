namespace BepBot.Chat;

/// <summary>
/// A file that came with a message, free of any Bot Framework type. For a file a user uploads in a Teams personal
/// chat, <see cref="DownloadUrl"/> is the short-lived pre-authenticated link Teams gives the bot.
/// </summary>
public sealed record ChatAttachment(string? Name, string ContentType, Uri? DownloadUrl, string? FileType = null)
{
    public const string TeamsFileDownloadInfo = "application/vnd.microsoft.teams.file.download.info";

    public bool IsFileUpload => ContentType == TeamsFileDownloadInfo && DownloadUrl is not null;
}
