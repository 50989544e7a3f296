namespace BepBot.Chat;

/// <summary>
/// A person the BEP knows, keyed by their Microsoft Entra object id (what Teams sends as from.aadObjectId) in their
/// organisation's tenant. Null <paramref name="TenantId"/>: the roster's default tenant (Roster:DefaultTenantId).
/// A person registered by e-mail alone is pending (<see cref="PendingIdOf"/>) until their first contact binds them.
/// </summary>
public sealed record Member(string AadObjectId, string Name, string Email, Role Role, string? Commune, string? TenantId = null)
{
    // Pending entries keep a distinct, stable id so that card data, recipient keys and removal still name one entry;
    // no Entra object id has this shape, and the roster never answers a speaker with it.
    private const string PendingPrefix = "pending:";

    public bool IsPending => AadObjectId.StartsWith(PendingPrefix, StringComparison.Ordinal);

    public static string PendingIdOf(string email) => PendingPrefix + email.ToLowerInvariant();
}
