namespace BepBot.Infrastructure.Graph;

/// <summary>How the bot signs in to Microsoft Graph, app-only (Graph:CredentialKind).</summary>
public enum GraphCredentialKind
{
    None,
    ClientSecret,
    Certificate,
    ManagedIdentity,
}
