namespace BepBot.Features.Observatoire;

public enum TrendDirection
{
    Up,
    Down,
    Stable,
}
