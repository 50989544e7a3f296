using System.Runtime.CompilerServices;
using BepBot.Infrastructure.Storage;

namespace BepBot.Infrastructure.Scheduling;

/// <summary>
/// The jobs features schedule, cancel and look up. Writing a job is all it does: the <see cref="JobRunner"/> runs it,
/// woken early through <see cref="LocalDueTimes"/> when it is due before the next sweep.
/// </summary>
public sealed partial class JobBook(
    IDocumentStore store,
    IEnumerable<JobKind> kinds,
    LocalDueTimes dueTimes,
    TimeProvider clock,
    ILogger<JobBook> logger)
{
    private readonly Dictionary<string, JobKind> _kinds = JobKind.IndexByName(kinds, kind => kind.Name, kind => kind.HandlerType);

    /// <summary>Idempotent by <paramref name="id"/>: when the job exists, returns it unchanged, whatever its state.</summary>
    public async Task<ScheduledJob> ScheduleAsync(string kind, string id, DateTimeOffset dueAt, string payload, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(kind);
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentNullException.ThrowIfNull(payload);
        if (!_kinds.ContainsKey(kind))
        {
            throw new ArgumentException($"No job handler for kind '{kind}'.", nameof(kind));
        }

        var key = JobDocuments.KeyOf(id);
        var job = new ScheduledJob(id, kind, dueAt, payload, JobState.Pending, 0, null, null, null, null);
        return await ConflictRetry.AtOnce.RunAsync(
            async _ =>
            {
                try
                {
                    await store.CreateAsync(key, job, ct);
                    LogScheduled(logger, id, kind, dueAt);
                    dueTimes.Add(dueAt);
                    return job;
                }
                catch (DocumentConflictException ex) when (ex.Reason == ConflictReason.AlreadyExists)
                {
                    var existing = await store.GetAsync<ScheduledJob>(key, ct);
                    if (existing is not null)
                    {
                        return existing.Value;
                    }

                    // Purged between our create and our read: the id is free again, so try again.
                    throw;
                }
            },
            ct);
    }

    /// <summary>Cancels a Pending job (including one waiting for a retry). False when it is missing, running or finished.</summary>
    public async Task<bool> CancelAsync(string id, CancellationToken ct = default)
    {
        var update = await store.UpdateAsync<ScheduledJob, bool>(
            JobDocuments.KeyOf(id),
            current => current is { State: JobState.Pending }
                ? (current with { State = JobState.Cancelled, CompletedAt = clock.GetUtcNow() }, true)
                : (null, false),
            ConflictRetry.AtOnce,
            ct);
        if (update.Written is { } cancelled)
        {
            LogCancelled(logger, id, cancelled.Value.Kind);
        }

        return update.Outcome;
    }

    public async Task<ScheduledJob?> GetAsync(string id, CancellationToken ct = default) =>
        (await store.GetAsync<ScheduledJob>(JobDocuments.KeyOf(id), ct))?.Value;

    public async IAsyncEnumerable<ScheduledJob> ListAsync(string? kind = null, [EnumeratorCancellation] CancellationToken ct = default)
    {
        await foreach (var document in JobDocuments.ReadAllAsync(store, logger, ct))
        {
            if (kind is null || document.Value.Kind == kind)
            {
                yield return document.Value;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Job {JobId} ({Kind}) scheduled for {DueAt}")]
    private static partial void LogScheduled(ILogger logger, string jobId, string kind, DateTimeOffset dueAt);

    [LoggerMessage(Level = LogLevel.Information, Message = "Job {JobId} ({Kind}) cancelled")]
    private static partial void LogCancelled(ILogger logger, string jobId, string kind);
}
