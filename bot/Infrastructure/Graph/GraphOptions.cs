namespace BepBot.Infrastructure.Graph;

/// <summary>
/// Microsoft Graph, app-only. Production: an app registration with a client secret (from Key Vault through app
/// settings). Tests and local fakes: a BaseUrl on loopback and no secret (no token is sent then).
/// </summary>
public sealed class GraphOptions
{
    public const string Section = "Graph";

    public const string DefaultBaseUrl = "https://graph.microsoft.com/v1.0";

    public string BaseUrl { get; set; } = DefaultBaseUrl;

    public string? TenantId { get; set; }

    public string? ClientId { get; set; }

    public string? ClientSecret { get; set; }

    public bool HasCredentials => !string.IsNullOrWhiteSpace(TenantId) && !string.IsNullOrWhiteSpace(ClientId) && !string.IsNullOrWhiteSpace(ClientSecret);

    public bool IsLoopback => Uri.TryCreate(BaseUrl, UriKind.Absolute, out var uri) && uri.IsLoopback;

    /// <summary>Graph is usable: real credentials, or a local fake (tests, local play against a stand-in).</summary>
    public bool IsConfigured => HasCredentials || IsLoopback;
}
