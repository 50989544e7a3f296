using BepBot.Infrastructure.Exports;

namespace BepBot.Chat;

/// <summary>A file an export click produced, and what it carries (which decides how long its link works).</summary>
/// <param name="LinkTitle">The title of a download button on the card, when its text does not carry the link.</param>
/// <param name="Description">What an image shows, its figures included: the card shows it beside the link, for a
/// screen reader and as the alternative text to give the image in a report.</param>
public sealed record ExportedFile(ExportContent Content, string FileName, string ContentType, byte[] Bytes, string? LinkTitle = null, string? Description = null);
