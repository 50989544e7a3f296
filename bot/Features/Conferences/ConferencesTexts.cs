namespace BepBot.Features.Conferences;

/// <summary>Marker for the conference texts: ConferencesTexts.resx (French) and ConferencesTexts.en.resx.</summary>
public sealed class ConferencesTexts;
