namespace BepBot.Tests.Harness;

/// <summary>Real time, moved forward on demand: timers keep running for real, "now" jumps (a scheduled send falls due).</summary>
public sealed class ShiftedClock : TimeProvider
{
    public TimeSpan Offset { get; set; }

    public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + Offset;
}
