namespace BepBot.Features.Roster;

/// <summary>
/// How a « Confirmer » ended: <paramref name="Refusal"/> says why nothing changed; otherwise <paramref name="Applied"/>
/// is what the roster became, or null when the roster changed since the preview and <paramref name="Import"/>'s rows
/// must be previewed again.
/// </summary>
public sealed record RosterImportConfirmation(string? Refusal, RosterImport? Import, RosterImportPlan? Applied);
