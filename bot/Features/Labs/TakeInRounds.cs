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
        Task<Lab> round;
        lock (_lock)
        {
            if (!_labs.TryGetValue(labId, out var rounds))
            {
                rounds = new LabRounds();
                _labs[labId] = rounds;
            }

            if (rounds.Running is null)
            {
                rounds.Running = StartAsync(labId, rounds, takeIn);
                round = rounds.Running;
            }
            else
            {
                rounds.Next ??= new TaskCompletionSource<Lab>(TaskCreationOptions.RunContinuationsAsynchronously);
                rounds.NextTakeIn = takeIn;
                round = rounds.Next.Task;
            }
        }

        // A caller that gives up stops waiting; the round goes on for the others.
        return round.WaitAsync(cancellationToken);
    }

    private async Task<Lab> StartAsync(string labId, LabRounds rounds, Func<Task<Lab>> takeIn)
    {
        try
        {
            return await takeIn();
        }
        finally
        {
            StartNext(labId, rounds);
        }
    }

    private void StartNext(string labId, LabRounds rounds)
    {
        TaskCompletionSource<Lab>? next;
        Func<Task<Lab>>? takeIn;
        lock (_lock)
        {
            (next, takeIn) = (rounds.Next, rounds.NextTakeIn);
            (rounds.Next, rounds.NextTakeIn) = (null, null);
            if (next is null)
            {
                rounds.Running = null;
                _labs.Remove(labId);
                return;
            }

            rounds.Running = next.Task;
        }

        _ = RunNextAsync(labId, rounds, next, takeIn!);
    }

    private async Task RunNextAsync(string labId, LabRounds rounds, TaskCompletionSource<Lab> round, Func<Task<Lab>> takeIn)
    {
        try
        {
            round.SetResult(await takeIn());
        }
        catch (Exception ex)
        {
            round.SetException(ex);
        }
        finally
        {
            StartNext(labId, rounds);
        }
    }

    private sealed class LabRounds
    {
        public Task<Lab>? Running { get; set; }

        public TaskCompletionSource<Lab>? Next { get; set; }

        public Func<Task<Lab>>? NextTakeIn { get; set; }
    }
}
