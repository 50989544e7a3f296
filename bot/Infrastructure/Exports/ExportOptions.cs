namespace BepBot.Infrastructure.Exports;

public sealed class ExportOptions
{
    public const string Section = "Exports";

    /// <summary>The bot's public address, for download links in cards (Teams opens them in the browser).</summary>
    public Uri PublicBaseUrl { get; set; } = new("http://127.0.0.1:3978/");

    /// <summary>How long a link to an export without personal data works (figures, charts, calendar files).</summary>
    public TimeSpan LinkLifetime { get; set; } = TimeSpan.FromHours(24);

    /// <summary>How long a link to an export that carries a person's data or a secret ballot's participation works.</summary>
    public TimeSpan PersonalDataLinkLifetime { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How often each instance deletes the expired export files.</summary>
    public TimeSpan PurgeInterval { get; set; } = TimeSpan.FromMinutes(5);

    public TimeSpan LifetimeOf(ExportContent content) => content switch
    {
        ExportContent.PersonalData => PersonalDataLinkLifetime,
        ExportContent.NoPersonalData => LinkLifetime,
        _ => throw new ArgumentOutOfRangeException(nameof(content), content, "Say what the export carries."),
    };
}
