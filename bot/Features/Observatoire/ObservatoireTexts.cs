namespace BepBot.Features.Observatoire;

/// <summary>Marker for the Observatoire's own resources (ObservatoireTexts.resx, .en.resx).</summary>
public sealed class ObservatoireTexts;
