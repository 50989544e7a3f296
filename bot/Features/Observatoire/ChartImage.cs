namespace BepBot.Features.Observatoire;

public sealed record ChartImage(byte[] Png, string AltText, int Width, int Height);
