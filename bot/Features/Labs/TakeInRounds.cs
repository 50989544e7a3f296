namespace BepBot.Features.Labs;

/// <summary>
/// Group commit for a lab's ledger on this instance: at most one take-in runs per lab, and everyone who asks while it
/// runs joins the one round that starts right after it, whose listing of the inbox comes after their tickets were
/// written. A burst of 500 clicks then costs a few listings and ledger writes instead of one of each per click (each
/// listing as long as the inbox) and a storm of ETag conflicts. Other instances still meet at the ledger's ETag.
/// </summary>
public sealed class TakeInRounds
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, LabRounds> _labs = new(StringComparer.Ordinal);

    /// <summary>The result of a round of <paramref name="takeIn"/> that starts after this call.</summary>
    public Task<Lab> JoinAsync(string labId, Func<Task<Lab>> takeIn, CancellationToken cancellationToken)
    {
        TaskCompletionSource<Lab>? start = null;
        Task<Lab> round;
        lock (_lock)
        {
            if (!_labs.TryGetValue(labId, out var rounds))
            {
                start = new TaskCompletionSource<Lab>(TaskCreationOptions.RunContinuationsAsynchronously);
                _labs[labId] = new LabRounds();
                round = start.Task;
            }
            else
            {
                rounds.Next ??= new TaskCompletionSource<Lab>(TaskCreationOptions.RunContinuationsAsynchronously);
                round = rounds.Next.Task;
            }
        }

        if (start is not null)
        {
            _ = RunAsync(labId, start, takeIn);
        }

        // A caller that gives up stops waiting; the round goes on for the others.
        return round.WaitAsync(cancellationToken);
    }

    /// <summary>Runs one round, then the round its latecomers asked for, until nobody waits.</summary>
    private async Task RunAsync(string labId, TaskCompletionSource<Lab> first, Func<Task<Lab>> takeIn)
    {
        for (TaskCompletionSource<Lab>? round = first; round is not null;)
        {
            try
            {
                round.SetResult(await takeIn());
            }
            catch (Exception ex)
            {
                round.SetException(ex);
            }

            lock (_lock)
            {
                var rounds = _labs[labId];
                (round, rounds.Next) = (rounds.Next, null);
                if (round is null)
                {
                    _labs.Remove(labId);
                }
            }
        }
    }

    /// <summary>A lab with a round running; <see cref="Next"/> is the round latecomers wait for.</summary>
    private sealed class LabRounds
    {
        public TaskCompletionSource<Lab>? Next { get; set; }
    }
}
