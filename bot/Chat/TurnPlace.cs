using BepBot.Infrastructure.Storage;

namespace BepBot.Chat;

/// <summary>A turn's place in <see cref="TurnAdmission"/>; given up once, whichever of the turn's end or its early leave comes first.</summary>
public sealed class TurnPlace(EarliestDeadlineFirstGate gate, long askedAt) : IDisposable
{
    private int _left;

    /// <summary>When the turn asked for its place (a <see cref="System.Diagnostics.Stopwatch"/> timestamp): as good as its arrival.</summary>
    public long AskedAt => askedAt;

    public bool HasLeft => Volatile.Read(ref _left) == 1;

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _left, 1) == 0)
        {
            gate.Leave();
        }
    }
}
