namespace BepBot.Dashboard;

/// <summary>Marker for the tab shell's own words: DashboardTexts.resx (French) and DashboardTexts.en.resx (English).</summary>
public sealed class DashboardTexts;
