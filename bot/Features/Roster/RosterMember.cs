namespace BepBot.Features.Roster;

/// <summary>A person the BEP knows, keyed by their Microsoft Entra object id (what Teams sends as from.aadObjectId).</summary>
public sealed record RosterMember(string AadObjectId, string Name, string Email, Role Role, string? Commune);

/// <summary>The whole roster is one document, so an import or an edit applies entirely or not at all.</summary>
public sealed record RosterDocument(IReadOnlyList<RosterMember> Members, bool IsDemo, DateTimeOffset UpdatedAt, string UpdatedBy)
{
    public RosterMember? Find(string? aadObjectId) =>
        aadObjectId is null ? null : Members.FirstOrDefault(member => string.Equals(member.AadObjectId, aadObjectId, StringComparison.OrdinalIgnoreCase));
}
