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
        var call = Begin();
        if (call == Call.SharedBackground)
        {
            await _backgroundShare.EnterAsync(DeadlineOf(), message.CancellationToken);
        }

        try
        {
            await _gate.EnterAsync(DeadlineOf(), message.CancellationToken);
            try
            {
                await ProcessNextAsync(message, pipeline);
            }
            finally
            {
                _gate.Leave();
            }
        }
        finally
        {
            End(call);
        }
    }

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        var call = Begin();
        if (call == Call.SharedBackground)
        {
            _backgroundShare.EnterAsync(DeadlineOf(), message.CancellationToken).AsTask().GetAwaiter().GetResult();
        }

        try
        {
            _gate.EnterAsync(DeadlineOf(), message.CancellationToken).AsTask().GetAwaiter().GetResult();
            try
            {
                ProcessNext(message, pipeline);
            }
            finally
            {
                _gate.Leave();
            }
        }
        finally
        {
            End(call);
        }
    }

    // A background call that began before any turn's keeps going: the share bounds the ones that begin while turns' are under way.
    private Call Begin()
    {
        if (TurnDeadline.Current is not null)
        {
            Interlocked.Increment(ref _turnCalls);
            return Call.Turn;
        }

        return Volatile.Read(ref _turnCalls) > 0 ? Call.SharedBackground : Call.Background;
    }

    private void End(Call call)
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
