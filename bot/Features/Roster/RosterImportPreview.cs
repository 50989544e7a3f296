namespace BepBot.Features.Roster;

/// <summary>
/// A roster file checked against the roster: what it changes, and either the id of the import kept for « Confirmer »
/// or the <paramref name="Notice"/> that says why there is nothing to confirm (nothing to do, no staff left).
/// </summary>
public sealed record RosterImportPreview(RosterImportPlan Plan, string? ImportId, string? Notice);
