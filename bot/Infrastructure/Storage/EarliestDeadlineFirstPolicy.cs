using Azure.Core;
using Azure.Core.Pipeline;

namespace BepBot.Infrastructure.Storage;

/// <summary>
/// Orders a storage client's calls by the <see cref="TurnDeadline"/> they must meet once more of them are waiting than
/// the client has connections: a turn near its deadline goes before one that has just begun, and both before work that
/// already answered (burst clicks finishing behind « Demande prise en compte », with a minute to go). Calls outside a
/// turn (jobs, deliveries) count as due <paramref name="backgroundDueAfter"/> after they asked, so they are not starved.
/// Each attempt queues anew: the policy sits after the retry policy.
/// </summary>
public sealed class EarliestDeadlineFirstPolicy(int maxInFlight, TimeSpan backgroundDueAfter, TimeProvider clock) : HttpPipelinePolicy
{
    private readonly EarliestDeadlineFirstGate _gate = new(maxInFlight);

    public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
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

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
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

    private DateTimeOffset DeadlineOf() => TurnDeadline.Current ?? clock.GetUtcNow() + backgroundDueAfter;
}
