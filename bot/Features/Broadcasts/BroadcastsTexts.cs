namespace BepBot.Features.Broadcasts;

/// <summary>Marker for the broadcasts feature's texts: BroadcastsTexts.resx (French) and BroadcastsTexts.en.resx (English).</summary>
public sealed class BroadcastsTexts;
