namespace BepBot.Features.Communes;

/// <summary>Marker for the commune page's texts: CommunesTexts.resx (French) and CommunesTexts.en.resx (English).</summary>
public sealed class CommunesTexts;
