namespace BepBot.Infrastructure.Storage;

/// <summary>
/// Lets at most a given number of callers through at once and, when more are waiting, lets the one whose deadline comes
/// first through next (ties in arrival order). System.Threading.RateLimiting's ConcurrencyLimiter only knows oldest or
/// newest first, and SocketsHttpHandler queues for a connection in arrival order: after a storage outage every stalled
/// turn retries within the same second, and in arrival order the turns that had already waited 10 s queued behind the
/// ones that had just begun, and answered after Teams' 15 s.
/// </summary>
public sealed class EarliestDeadlineFirstGate(int maxInside)
{
    private readonly Lock _lock = new();
    private readonly PriorityQueue<TaskCompletionSource, (DateTimeOffset Deadline, long Arrival)> _waiting = new();
    private long _arrivals;
    private int _inside;
    private TaskCompletionSource? _noneWaiting;

    /// <summary>Completes once no caller waits for a place: at once when none does.</summary>
    public Task WhenNoneWaitingAsync()
    {
        lock (_lock)
        {
            return _waiting.Count == 0
                ? Task.CompletedTask
                : (_noneWaiting ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task;
        }
    }

    /// <summary>Waits for a place; the caller must call <see cref="Leave"/> once it has one.</summary>
    public ValueTask EnterAsync(DateTimeOffset deadline, CancellationToken cancellationToken)
    {
        TaskCompletionSource place;
        lock (_lock)
        {
            if (_inside < maxInside)
            {
                _inside++;
                return ValueTask.CompletedTask;
            }

            place = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiting.Enqueue(place, (deadline, _arrivals++));
        }

        return cancellationToken.CanBeCanceled ? new ValueTask(WaitAsync(place, cancellationToken)) : new ValueTask(place.Task);
    }

    public void Leave()
    {
        TaskCompletionSource? next;
        TaskCompletionSource? noneWaiting;
        lock (_lock)
        {
            // The place passes straight to the next caller: _inside stays as it is.
            if (!_waiting.TryDequeue(out next, out _))
            {
                _inside--;
                return;
            }

            noneWaiting = TakeNoneWaitingSignal();
        }

        next.SetResult();
        noneWaiting?.SetResult();
    }

    // Called under the lock; the caller completes the signal outside it.
    private TaskCompletionSource? TakeNoneWaitingSignal()
    {
        if (_waiting.Count > 0)
        {
            return null;
        }

        var signal = _noneWaiting;
        _noneWaiting = null;
        return signal;
    }

    private async Task WaitAsync(TaskCompletionSource place, CancellationToken cancellationToken)
    {
        await using (cancellationToken.Register(() => GiveUp(place, cancellationToken)))
        {
            await place.Task;
        }
    }

    private void GiveUp(TaskCompletionSource place, CancellationToken cancellationToken)
    {
        TaskCompletionSource? noneWaiting;
        lock (_lock)
        {
            // Already given a place: the caller holds it and will leave as usual.
            if (!_waiting.Remove(place, out _, out _))
            {
                return;
            }

            noneWaiting = TakeNoneWaitingSignal();
        }

        place.SetCanceled(cancellationToken);
        noneWaiting?.SetResult();
    }
}
