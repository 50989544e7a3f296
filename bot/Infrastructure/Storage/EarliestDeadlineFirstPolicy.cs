using Azure.Core;
using Azure.Core.Pipeline;

namespace BepBot.Infrastructure.Storage;

/// <summary>
/// Orders a storage client's calls by the <see cref="TurnDeadline"/> they must meet once more of them are waiting than
/// the client has connections: a turn near its deadline goes before one that has just begun, and both before work that
/// already answered (burst clicks finishing behind « Demande prise en compte », with a minute to go). Calls outside a
/// turn (jobs, deliveries) count as due <paramref name="backgroundDueAfter"/> after they asked, so they are not starved.
/// While turns' calls are under way, calls outside a turn start only <paramref name="backgroundWhileTurns"/> at a time:
/// the service answers in the order calls reach it, whatever their deadline, and after an outage a broadcast resuming
/// at full pace put hundreds of calls ahead of the turns that had waited through it (a single read then took 6 s).
/// Each attempt queues anew: the policy sits after the retry policy.
/// </summary>
public sealed class EarliestDeadlineFirstPolicy(int maxInFlight, int backgroundWhileTurns, TimeSpan backgroundDueAfter, TimeProvider clock) : HttpPipelinePolicy
{
    private readonly EarliestDeadlineFirstGate _gate = new(maxInFlight);
    private readonly EarliestDeadlineFirstGate _backgroundShare = new(backgroundWhileTurns);
    private int _turnCalls;

    public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        var call = await EnterAsync(message.CancellationToken);
        try
        {
            await ProcessNextAsync(message, pipeline);
        }
        finally
        {
            Leave(call);
        }
    }

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        var call = EnterAsync(message.CancellationToken).AsTask().GetAwaiter().GetResult();
        try
        {
            ProcessNext(message, pipeline);
        }
        finally
        {
            Leave(call);
        }
    }

    // A background call that began before any turn's keeps going: the share bounds the ones that begin while turns' are under way.
    private async ValueTask<Call> EnterAsync(CancellationToken cancellationToken)
    {
        var call = TurnDeadline.Current is not null ? Call.Turn : Volatile.Read(ref _turnCalls) > 0 ? Call.SharedBackground : Call.Background;
        if (call == Call.SharedBackground)
        {
            await _backgroundShare.EnterAsync(DeadlineOf(), cancellationToken);
        }
        else if (call == Call.Turn)
        {
            Interlocked.Increment(ref _turnCalls);
        }

        try
        {
            await _gate.EnterAsync(DeadlineOf(), cancellationToken);
        }
        catch
        {
            Release(call);
            throw;
        }

        return call;
    }

    private void Leave(Call call)
    {
        _gate.Leave();
        Release(call);
    }

    private void Release(Call call)
    {
        if (call == Call.Turn)
        {
            Interlocked.Decrement(ref _turnCalls);
        }
        else if (call == Call.SharedBackground)
        {
            _backgroundShare.Leave();
        }
    }

    private DateTimeOffset DeadlineOf() => TurnDeadline.Current ?? clock.GetUtcNow() + backgroundDueAfter;

    private enum Call
    {
        Turn,
        Background,
        SharedBackground,
    }
}
