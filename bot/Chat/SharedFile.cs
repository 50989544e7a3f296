namespace BepBot.Chat;

/// <summary>A file the bot put into the person's OneDrive, shown as Teams' file card.</summary>
public sealed record SharedFile(string Name, Uri ContentUrl, string UniqueId, string FileType);
