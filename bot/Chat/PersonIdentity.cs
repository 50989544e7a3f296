namespace BepBot.Chat;

/// <summary>Who Teams says a person is, when asked (the connector's conversation-member call).</summary>
public sealed record PersonIdentity(string TenantId, string AadObjectId, string Name, string? Email, string? UserPrincipalName);
