namespace BepBot.Infrastructure.Scheduling;

/// <summary>
/// Due times of the jobs this instance scheduled or set to retry: its runner wakes up for them instead of waiting for
/// the next sweep (which is what finds other instances' jobs and the expired leases of a dead one). The book and the
/// runner share it, so the book never needs the runner.
/// </summary>
public sealed class LocalDueTimes
{
    private readonly Lock _gate = new();
    private readonly SortedSet<DateTimeOffset> _dueTimes = [];
    private TaskCompletionSource _added = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when a due time is added. Taken before a pass, so that none is missed.</summary>
    public Task Added
    {
        get
        {
            lock (_gate)
            {
                return _added.Task;
            }
        }
    }

    /// <summary>The earliest due time that no pass has started after yet.</summary>
    public DateTimeOffset? Earliest()
    {
        lock (_gate)
        {
            return _dueTimes.Count == 0 ? null : _dueTimes.Min;
        }
    }

    public void Add(DateTimeOffset dueAt)
    {
        TaskCompletionSource added;
        lock (_gate)
        {
            _dueTimes.Add(dueAt);
            added = _added;
            _added = new(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        added.TrySetResult();
    }

    /// <summary>Called as a pass starts: the pass takes every job due by then.</summary>
    public void ForgetUpTo(DateTimeOffset passStartedAt)
    {
        lock (_gate)
        {
            _dueTimes.RemoveWhere(due => due <= passStartedAt);
        }
    }
}
