namespace BepBot.Infrastructure.Credentials;

/// <summary>
/// When the secrets and certificates the bot signs in with expire: Entra never tells the app, so the dates are set
/// here when a secret is created or a certificate issued, and /readyz and the log say when rotation is due.
/// </summary>
public sealed class CredentialOptions
{
    public const string Section = "Credentials";

    /// <summary>Expiry of MicrosoftAppPassword, the bot's client secret.</summary>
    public DateTimeOffset? MicrosoftAppPasswordExpiresOn { get; set; }

    /// <summary>Expiry of Graph:ClientSecret or of the Graph certificate.</summary>
    public DateTimeOffset? GraphCredentialExpiresOn { get; set; }

    public TimeSpan WarningPeriod { get; set; } = TimeSpan.FromDays(30);

    public TimeSpan CheckInterval { get; set; } = TimeSpan.FromDays(1);
}
