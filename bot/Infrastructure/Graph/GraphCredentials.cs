using System.Security.Cryptography.X509Certificates;
using Azure.Core;
using Azure.Identity;

namespace BepBot.Infrastructure.Graph;

/// <summary>The token credential Graph:CredentialKind names; null when Graph is called without a token.</summary>
public static class GraphCredentials
{
    public static TokenCredential? Create(GraphOptions options) => options.Credential switch
    {
        GraphCredentialKind.ClientSecret => new ClientSecretCredential(options.TenantId, options.ClientId, options.ClientSecret),
        GraphCredentialKind.Certificate when string.IsNullOrEmpty(options.CertificatePassword) =>
            new ClientCertificateCredential(options.TenantId, options.ClientId, options.CertificatePath),
        GraphCredentialKind.Certificate => new ClientCertificateCredential(
            options.TenantId,
            options.ClientId,
            X509CertificateLoader.LoadPkcs12FromFile(options.CertificatePath!, options.CertificatePassword)),
        GraphCredentialKind.ManagedIdentity => string.IsNullOrWhiteSpace(options.ManagedIdentityClientId)
            ? new ManagedIdentityCredential(ManagedIdentityId.SystemAssigned)
            : new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(options.ManagedIdentityClientId)),
        _ => null,
    };
}
