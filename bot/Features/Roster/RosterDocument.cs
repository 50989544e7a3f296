using BepBot.Chat;

namespace BepBot.Features.Roster;

/// <summary>
/// The whole roster is one document, so an import or an edit applies entirely or not at all. It also keeps the first
/// contacts that could not be bound to an entry registered by e-mail, for staff to see in `annuaire` (an import from
/// Teams keeps those still about an e-mail of the new roster), and the id of the last import from Teams applied to it,
/// so that a second Confirmer of that import applies nothing.
/// </summary>
public sealed record RosterDocument(
    IReadOnlyList<Member> Members,
    bool IsDemo,
    DateTimeOffset UpdatedAt,
    string UpdatedBy,
    IReadOnlyList<BindingConflict>? Conflicts = null,
    string? LastImportId = null)
{
    public IReadOnlyList<BindingConflict> BindingConflicts => Conflicts ?? [];

    public Member? Find(string? aadObjectId) =>
        aadObjectId is null ? null : Members.FirstOrDefault(member => string.Equals(member.AadObjectId, aadObjectId, StringComparison.OrdinalIgnoreCase));

    /// <summary>The entry of (tenant, object id); an entry without a tenant belongs to <paramref name="defaultTenantId"/>, or to no one.</summary>
    public Member? FindPerson(string? tenantId, string? aadObjectId, string? defaultTenantId) =>
        string.IsNullOrEmpty(tenantId) || aadObjectId is null
            ? null
            : Members.FirstOrDefault(member =>
                !member.IsPending
                && string.Equals(member.AadObjectId, aadObjectId, StringComparison.OrdinalIgnoreCase)
                && string.Equals(member.TenantId ?? defaultTenantId, tenantId, StringComparison.OrdinalIgnoreCase));
}
