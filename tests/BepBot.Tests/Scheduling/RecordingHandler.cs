using System.Collections.Concurrent;
using BepBot.Infrastructure.Scheduling;

namespace BepBot.Tests.Scheduling;

/// <summary>Counts every invocation per job id, in order, then does whatever the test asks.</summary>
public sealed class RecordingHandler(string kind = RecordingHandler.DefaultKind) : IJobHandler
{
    public const string DefaultKind = "test.record";

    private readonly ConcurrentQueue<string> _order = new();

    public string Kind { get; } = kind;

    public ConcurrentDictionary<string, int> Runs { get; } = new(StringComparer.Ordinal);

    public IReadOnlyList<string> Order => [.. _order];

    public Func<ScheduledJob, CancellationToken, Task> Behaviour { get; set; } = (_, _) => Task.CompletedTask;

    public async Task RunAsync(ScheduledJob job, CancellationToken cancellationToken)
    {
        Runs.AddOrUpdate(job.Id, 1, (_, count) => count + 1);
        _order.Enqueue(job.Id);
        await Behaviour(job, cancellationToken);
    }
}
