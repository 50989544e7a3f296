namespace BepBot.Infrastructure.Credentials;

/// <summary>A secret or certificate in use, and when it expires (null: nobody said).</summary>
public sealed record CredentialExpiry(string Credential, string ExpirySetting, DateTimeOffset? ExpiresOn);
