namespace BepBot.Features.Roster;

/// <summary>A field of a roster entry that an import can change, in the order the preview lists them.</summary>
public enum RosterField
{
    Name,
    Email,
    Role,
    Commune,
    Binding,
    Tenant,
}
