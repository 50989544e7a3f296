namespace BepBot.Tests.Harness;

/// <summary>A person as the conversation-member call describes them.</summary>
public sealed record TeamsMember(string Id, string Name, string AadObjectId, string Email, string UserPrincipalName, string TenantId);
