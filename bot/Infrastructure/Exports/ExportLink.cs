namespace BepBot.Infrastructure.Exports;

/// <summary>A download link to a saved export, and how long it works; <paramref name="Token"/> names the file in the store.</summary>
public sealed record ExportLink(Uri Url, TimeSpan Lifetime, DateTimeOffset ExpiresAt, string Token);
