namespace BepBot.Platform.Delivery;

/// <summary>Marker for the delivery engine's texts: DeliveryTexts.resx (French) and DeliveryTexts.en.resx (English).</summary>
public sealed class DeliveryTexts;
