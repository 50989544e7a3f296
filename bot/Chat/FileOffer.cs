namespace BepBot.Chat;

/// <summary>
/// A file the bot offers to put into the person's OneDrive (Teams' file-consent card, personal chat only).
/// <paramref name="ExportToken"/> names the saved export that an accept or a decline comes back about.
/// </summary>
public sealed record FileOffer(string FileName, long SizeInBytes, string Description, string ExportToken);
