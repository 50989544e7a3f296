using BepBot.Infrastructure.Graph;
using Microsoft.Extensions.Options;

namespace BepBot.Infrastructure.Credentials;

/// <summary>The secrets and certificates the bot signs in with, as configured, and where each stands today.</summary>
public sealed class CredentialExpiries(
    IConfiguration configuration,
    IOptions<GraphOptions> graph,
    IOptions<CredentialOptions> options,
    TimeProvider clock)
{
    public IReadOnlyList<CredentialExpiry> InUse()
    {
        var expiries = options.Value;
        var inUse = new List<CredentialExpiry>();
        // A managed identity (MicrosoftAppType UserAssignedMSI) has no password, hence nothing that expires.
        if (!string.IsNullOrWhiteSpace(configuration["MicrosoftAppId"]) && !string.IsNullOrWhiteSpace(configuration["MicrosoftAppPassword"]))
        {
            inUse.Add(new CredentialExpiry("MicrosoftAppPassword", "Credentials:MicrosoftAppPasswordExpiresOn", expiries.MicrosoftAppPasswordExpiresOn));
        }

        var graphCredential = graph.Value.Credential switch
        {
            GraphCredentialKind.ClientSecret => "Graph:ClientSecret",
            GraphCredentialKind.Certificate => "Graph:CertificatePath",
            _ => null,
        };
        if (graphCredential is not null)
        {
            inUse.Add(new CredentialExpiry(graphCredential, "Credentials:GraphCredentialExpiresOn", expiries.GraphCredentialExpiresOn));
        }

        return inUse;
    }

    public CredentialState StateOf(CredentialExpiry credential)
    {
        var now = clock.GetUtcNow();
        return credential.ExpiresOn switch
        {
            null => CredentialState.ExpiryUnknown,
            var expiresOn when expiresOn <= now => CredentialState.Expired,
            var expiresOn when expiresOn - now <= options.Value.WarningPeriod => CredentialState.ExpiresSoon,
            _ => CredentialState.Valid,
        };
    }

    /// <summary>Whole days left, rounded down: « expires in 0 days » is today.</summary>
    public int DaysLeft(CredentialExpiry credential) =>
        credential.ExpiresOn is { } expiresOn ? (int)Math.Floor((expiresOn - clock.GetUtcNow()).TotalDays) : 0;
}
