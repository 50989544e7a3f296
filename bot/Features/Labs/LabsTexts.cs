namespace BepBot.Features.Labs;

/// <summary>Marker for the labs texts: LabsTexts.resx (French) and LabsTexts.en.resx (English).</summary>
public sealed class LabsTexts;
