namespace BepBot.Infrastructure.Credentials;

public enum CredentialState
{
    Valid,
    ExpiryUnknown,
    ExpiresSoon,
    Expired,
}
