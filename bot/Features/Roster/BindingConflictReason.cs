namespace BepBot.Features.Roster;

public enum BindingConflictReason
{
    /// <summary>The person's e-mail and user principal name match two different entries waiting for their person.</summary>
    SeveralEntries,

    /// <summary>An entry with the person's e-mail is already bound to another object id (or another tenant).</summary>
    AlreadyBound,
}
