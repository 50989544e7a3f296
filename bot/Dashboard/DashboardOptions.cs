namespace BepBot.Dashboard;

/// <summary>The dashboard tab's settings (section Dashboard); the tenants and the app id come from Bot:AllowedTenants and MicrosoftAppId.</summary>
public sealed class DashboardOptions
{
    public const string Section = "Dashboard";

    /// <summary>
    /// Microsoft Entra ID's OpenID metadata for any organisation: where the signing keys of Teams' single sign-on tokens
    /// are read. Tests point it at a local fake that serves a test key; an http:// address is accepted on loopback only.
    /// </summary>
    public Uri MetadataAddress { get; set; } = new("https://login.microsoftonline.com/organizations/v2.0/.well-known/openid-configuration");

    /// <summary>
    /// The Application ID URI the tab asks Teams a token for, <c>api://&lt;host&gt;/&lt;app id&gt;</c> (docs/deploy.md).
    /// Unset: built from Exports:PublicBaseUrl's host and MicrosoftAppId.
    /// </summary>
    public string? ApplicationIdUri { get; set; }

    /// <summary>Origins besides the tab's own from which a change may be posted (none is needed when Teams frames the tab).</summary>
    public IList<string> AllowedOrigins { get; } = [];

    /// <summary>How long a Development sign-in as a demo user lasts.</summary>
    public TimeSpan DevSignInLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>From MicrosoftAppId: the bot's app registration, which Teams' tokens name as their audience.</summary>
    public string? ClientId { get; set; }

    /// <summary>From Bot:AllowedTenants: the organisations whose people may sign in (empty: any).</summary>
    public IList<string> AllowedTenants { get; } = [];

    /// <summary>The audiences a Teams token may carry: the Application ID URI and the app id itself (v2 tokens carry the latter).</summary>
    public IReadOnlyList<string> Audiences(Uri? publicBaseUrl)
    {
        if (string.IsNullOrWhiteSpace(ClientId))
        {
            return [];
        }

        var uri = !string.IsNullOrWhiteSpace(ApplicationIdUri)
            ? ApplicationIdUri
            : publicBaseUrl is null ? null : $"api://{publicBaseUrl.Host}/{ClientId}";
        return uri is null ? [ClientId] : [uri, ClientId];
    }
}
