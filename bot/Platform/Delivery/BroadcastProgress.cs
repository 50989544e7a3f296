namespace BepBot.Platform.Delivery;

/// <summary>What one bot instance has finished for one broadcast: broadcasts/{id}/progress/{instance}, one writer each.</summary>
public sealed record BroadcastProgress(int Sent, int Failed, int Unreachable, DateTimeOffset UpdatedAt)
{
    public int Final => Sent + Failed + Unreachable;
}
