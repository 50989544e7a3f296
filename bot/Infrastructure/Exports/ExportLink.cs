namespace BepBot.Infrastructure.Exports;

/// <summary>A download link to a saved export, and how long it works.</summary>
public sealed record ExportLink(Uri Url, TimeSpan Lifetime, DateTimeOffset ExpiresAt);
