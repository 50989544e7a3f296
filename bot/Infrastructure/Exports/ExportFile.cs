namespace BepBot.Infrastructure.Exports;

public sealed record ExportFile(string FileName, string ContentType, string ContentBase64, DateTimeOffset ExpiresAt);
