namespace BepBot.Features.Welcome;

/// <summary>Marker for the welcome card's texts: WelcomeTexts.resx (French) and WelcomeTexts.en.resx (English).</summary>
public sealed class WelcomeTexts;
