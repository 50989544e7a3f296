namespace BepBot.Chat;

/// <summary>
/// A person the BEP knows, keyed by their Microsoft Entra object id (what Teams sends as from.aadObjectId) in their
/// organisation's tenant. Null <paramref name="TenantId"/>: the roster's default tenant (Roster:DefaultTenantId).
/// </summary>
public sealed record Member(string AadObjectId, string Name, string Email, Role Role, string? Commune, string? TenantId = null);
