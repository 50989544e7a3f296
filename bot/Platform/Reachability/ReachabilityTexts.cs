namespace BepBot.Platform.Reachability;

/// <summary>Marker for the reachability texts: ReachabilityTexts.resx (French) and ReachabilityTexts.en.resx (English).</summary>
public sealed class ReachabilityTexts;
