namespace BepBot.Infrastructure.Exports;

/// <param name="Owner">The Entra object id of the person it was made for, who alone may have it put in their OneDrive.</param>
public sealed record ExportFile(string FileName, string ContentType, string ContentBase64, DateTimeOffset ExpiresAt, string? Owner = null);
