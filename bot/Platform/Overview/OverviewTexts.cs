namespace BepBot.Platform.Overview;

/// <summary>Marker for the overview page's texts: OverviewTexts.resx (French) and OverviewTexts.en.resx (English).</summary>
public sealed class OverviewTexts;
