namespace BepBot.Infrastructure.Exports;

public sealed class ExportOptions
{
    public const string Section = "Exports";

    /// <summary>The bot's public address, for download links in cards (Teams opens them in the browser).</summary>
    public Uri PublicBaseUrl { get; set; } = new("http://127.0.0.1:3978/");

    public TimeSpan LinkLifetime { get; set; } = TimeSpan.FromHours(24);
}
