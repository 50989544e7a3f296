namespace BepBot.Infrastructure.Graph;

/// <summary>
/// Microsoft Graph, app-only, with a managed identity (no secret to rotate), a certificate or a client secret.
/// Tests and local fakes: a BaseUrl on loopback and no credential (no token is sent then).
/// </summary>
public sealed class GraphOptions
{
    public const string Section = "Graph";

    public const string DefaultBaseUrl = "https://graph.microsoft.com/v1.0";

    public string BaseUrl { get; set; } = DefaultBaseUrl;

    /// <summary>Empty: a client secret when one is set (the keys of earlier deployments), else none.</summary>
    public GraphCredentialKind? CredentialKind { get; set; }

    public string? TenantId { get; set; }

    public string? ClientId { get; set; }

    public string? ClientSecret { get; set; }

    /// <summary>A PEM or PKCS#12 file holding the certificate and its private key (on App Service, a Key Vault
    /// certificate loaded into the app: /var/ssl/private/&lt;thumbprint&gt;.p12).</summary>
    public string? CertificatePath { get; set; }

    public string? CertificatePassword { get; set; }

    /// <summary>Client id of a user-assigned managed identity; empty: the app's system-assigned identity.</summary>
    public string? ManagedIdentityClientId { get; set; }

    public GraphCredentialKind Credential => CredentialKind
        ?? (string.IsNullOrWhiteSpace(ClientSecret) ? GraphCredentialKind.None : GraphCredentialKind.ClientSecret);

    public bool HasCredentials => Credential != GraphCredentialKind.None;

    public bool IsLoopback => Uri.TryCreate(BaseUrl, UriKind.Absolute, out var uri) && uri.IsLoopback;

    /// <summary>Graph is usable: real credentials, or a local fake (tests, local play against a stand-in).</summary>
    public bool IsConfigured => HasCredentials || IsLoopback;
}
