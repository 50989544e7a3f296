namespace BepBot.Features.Roster;

/// <summary>Marker for the roster's texts: RosterTexts.resx (French) and RosterTexts.en.resx (English).</summary>
public sealed class RosterTexts;
