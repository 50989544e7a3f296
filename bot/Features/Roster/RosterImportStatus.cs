namespace BepBot.Features.Roster;

public enum RosterImportStatus
{
    /// <summary>Previewed; waiting for Confirmer or Annuler.</summary>
    Previewed,

    /// <summary>Confirmer was clicked: it is being applied, or has been (the roster names the import it came from).</summary>
    Confirming,

    Applied,

    Cancelled,

    /// <summary>The roster changed before Confirmer: a fresh preview replaced this one.</summary>
    Superseded,
}
