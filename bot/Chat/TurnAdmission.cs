using System.Diagnostics;
using BepBot.Infrastructure.Storage;

namespace BepBot.Chat;

/// <summary>
/// How many turns run at once on this instance, and which goes next: the one whose Teams deadline comes first. After a
/// storage outage hundreds of turns resume together; all running at once, they share the cores in arrival order of
/// their small CPU steps, and the backlog takes seconds to drain, so a turn that had already waited through the outage
/// answered after Teams' 15 s. Admitted by deadline, it goes first. A turn leaves as soon as it waits for work running
/// elsewhere (a burst click's work), so a waiting answer does not hold a place. Work that answers nobody now (a burst
/// click's work behind « Demande prise en compte », a broadcast's next deliveries) lets the waiting turns go first
/// (<see cref="YieldToWaitingTurnsAsync"/>): it shares the store and the cores with them, and after an outage the
/// backlog of turns drained at half the pace while a broadcast resumed beside it.
/// </summary>
public sealed class TurnAdmission(int maxTurnsAtOnce, TimeProvider clock)
{
    /// <summary>
    /// The longest that work yields: a burst's or an outage's backlog of turns is answered within a few seconds, and
    /// work that kept yielding to a steady overload would never end.
    /// </summary>
    public static readonly TimeSpan LongestYield = TimeSpan.FromSeconds(10);

    private static readonly AsyncLocal<TurnPlace?> Current = new();
    private readonly EarliestDeadlineFirstGate _gate = new(maxTurnsAtOnce);

    public async Task<TurnPlace> EnterAsync(DateTimeOffset deadline, CancellationToken cancellationToken)
    {
        var askedAt = Stopwatch.GetTimestamp();
        await _gate.EnterAsync(deadline, cancellationToken);
        return new TurnPlace(_gate, askedAt);
    }

    /// <summary>Waits until no turn waits for a place on this instance, or <see cref="LongestYield"/> at most.</summary>
    public async Task YieldToWaitingTurnsAsync(CancellationToken cancellationToken = default)
    {
        var noneWaiting = _gate.WhenNoneWaitingAsync();
        if (!noneWaiting.IsCompleted)
        {
            await noneWaiting.WaitAsync(LongestYield, clock, cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            cancellationToken.ThrowIfCancellationRequested();
        }
    }

    /// <summary>Makes <paramref name="place"/> the one <see cref="LeaveEarly"/> gives up, for the turn under way.</summary>
    public static IDisposable Hold(TurnPlace place)
    {
        var outer = Current.Value;
        Current.Value = place;
        return new Scope(outer);
    }

    /// <summary>
    /// How long ago the turn under way asked for its place, the wait for it included (null outside an admitted turn):
    /// Teams' patience runs from the activity's arrival, not from when the turn was let in.
    /// </summary>
    public static TimeSpan? SinceArrival => Current.Value is { } place ? Stopwatch.GetElapsedTime(place.AskedAt) : null;

    /// <summary>The turn under way gives its place to the next one: it is about to wait, not to work.</summary>
    public static void LeaveEarly() => Current.Value?.Dispose();

    private sealed class Scope(TurnPlace? outer) : IDisposable
    {
        public void Dispose() => Current.Value = outer;
    }
}
