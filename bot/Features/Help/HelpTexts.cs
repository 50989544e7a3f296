namespace BepBot.Features.Help;

/// <summary>Marker for the help feature's texts: HelpTexts.resx (French) and HelpTexts.en.resx (English).</summary>
public sealed class HelpTexts;
