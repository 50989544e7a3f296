using BepBot.Infrastructure.Storage;
using Microsoft.Extensions.Options;

namespace BepBot.Infrastructure.Scheduling;

/// <summary>
/// Runs each job once across bot instances. An instance claims a due job by writing it as Running under its name
/// with a lease, conditioned on the ETag it read, so of several instances exactly one claim succeeds. The lease is
/// renewed while the handler runs; a job whose owner died (lease expired) is taken over by the next pass of any
/// instance, which also catches up on everything that fell due meanwhile. A failed run is retried later, up to
/// MaxAttempts; finished jobs are deleted after Retention.
/// </summary>
public sealed partial class JobRunner(
    IDocumentStore store,
    IEnumerable<IJobHandler> handlers,
    IEnumerable<JobKind> kinds,
    LocalDueTimes dueTimes,
    TimeProvider clock,
    IOptions<SchedulingOptions> options,
    ILogger<JobRunner> logger)
{
    private static readonly TimeSpan LongestRetryDelay = TimeSpan.FromHours(1);

    private readonly Dictionary<string, IJobHandler> _handlers = IndexByKind(handlers, kinds);
    private readonly SchedulingOptions _options = options.Value;

    /// <summary>
    /// One pass: claims and runs, oldest first, every Pending job that is due and every Running job whose lease
    /// expired, and deletes finished jobs past their retention. Returns the number of jobs this pass ran.
    /// </summary>
    public async Task<int> RunDueJobsAsync(string owner, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(owner);
        var now = clock.GetUtcNow();
        var due = new List<Document<ScheduledJob>>();
        await foreach (var document in JobDocuments.ReadAllAsync(store, logger, ct))
        {
            var job = document.Value;
            if ((job.State == JobState.Pending && job.DueAt <= now) || (job.State == JobState.Running && (job.LeaseUntil ?? now) <= now))
            {
                due.Add(document);
            }
            else if (job.State is (JobState.Done or JobState.Failed or JobState.Cancelled) && job.CompletedAt + _options.Retention <= now)
            {
                await PurgeAsync(document, ct);
            }
        }

        var ran = 0;
        foreach (var document in due.OrderBy(document => document.Value.DueAt).ThenBy(document => document.Key, StringComparer.Ordinal))
        {
            ct.ThrowIfCancellationRequested();
            if (await ClaimAndRunAsync(document, owner, ct))
            {
                ran++;
            }
        }

        return ran;
    }

    private async Task<bool> ClaimAndRunAsync(Document<ScheduledJob> document, string owner, CancellationToken ct)
    {
        var job = document.Value;
        if (job.State == JobState.Running)
        {
            // The owner died mid-run: that run counts as a failed attempt, so a job that kills its process gives up in the end.
            Log.LeaseExpired(logger, job.Id, job.Kind, job.Owner, job.LeaseUntil);
            job = job with { Attempts = job.Attempts + 1, LastError = $"{job.Owner} stopped before finishing (lease expired at {job.LeaseUntil:O})." };
            if (job.Attempts >= _options.MaxAttempts)
            {
                var failed = job with { State = JobState.Failed, LeaseUntil = null, CompletedAt = clock.GetUtcNow() };
                if (await TryReplaceAsync(document.Key, failed, document.ETag, ct) is not null)
                {
                    Log.GaveUp(logger, null, job.Id, job.Kind, job.Attempts, job.LastError);
                }

                return false;
            }
        }

        var claimed = job with { State = JobState.Running, Owner = owner, LeaseUntil = clock.GetUtcNow() + _options.Lease };
        var etag = await TryReplaceAsync(document.Key, claimed, document.ETag, ct);
        if (etag is null)
        {
            Log.ClaimLost(logger, job.Id, owner);
            return false;
        }

        var lease = new Lease(document.Key, claimed, etag);
        Exception? failure = null;
        var interrupted = false;
        using (var running = CancellationTokenSource.CreateLinkedTokenSource(ct))
        using (var stopRenewing = new CancellationTokenSource())
        {
            var renewing = KeepLeaseAsync(lease, running, stopRenewing.Token);
            try
            {
                var handler = _handlers.GetValueOrDefault(claimed.Kind)
                    ?? throw new InvalidOperationException($"No job handler for kind '{claimed.Kind}' in this instance.");
                await handler.RunAsync(claimed, running.Token);
            }
            catch (OperationCanceledException) when (running.IsCancellationRequested)
            {
                interrupted = true;
            }
            catch (Exception ex)
            {
                failure = ex;
            }

            await stopRenewing.CancelAsync();
            await renewing;
        }

        if (lease.Lost)
        {
            Log.LeaseLost(logger, claimed.Id, claimed.Kind, owner);
            return true;
        }

        var now = clock.GetUtcNow();
        var outcome = interrupted
            ? lease.Job with { State = JobState.Pending, Owner = null, LeaseUntil = null }
            : failure is null
                ? lease.Job with { State = JobState.Done, LeaseUntil = null, CompletedAt = now }
                : AfterFailure(lease.Job, failure, now);

        // Recorded even while the bot stops: the work is done, and a lost record would only make it run again.
        if (await TryReplaceAsync(lease.Key, outcome, lease.ETag, CancellationToken.None) is null)
        {
            Log.LeaseLost(logger, claimed.Id, claimed.Kind, owner);
            return true;
        }

        switch (outcome.State)
        {
            case JobState.Done:
                Log.Done(logger, outcome.Id, outcome.Kind, owner);
                break;
            case JobState.Failed:
                Log.GaveUp(logger, failure, outcome.Id, outcome.Kind, outcome.Attempts, outcome.LastError);
                break;
            case JobState.Pending when interrupted:
                Log.Released(logger, outcome.Id, outcome.Kind);
                break;
            default:
                Log.WillRetry(logger, failure, outcome.Id, outcome.Kind, outcome.Attempts, _options.MaxAttempts, outcome.DueAt);
                dueTimes.Add(outcome.DueAt);
                break;
        }

        return true;
    }

    private ScheduledJob AfterFailure(ScheduledJob job, Exception failure, DateTimeOffset now)
    {
        var attempts = job.Attempts + 1;
        var error = $"{failure.GetType().Name}: {failure.Message}";
        return attempts >= _options.MaxAttempts
            ? job with { State = JobState.Failed, Attempts = attempts, LeaseUntil = null, CompletedAt = now, LastError = error }
            : job with { State = JobState.Pending, Attempts = attempts, Owner = null, LeaseUntil = null, DueAt = now + RetryDelay(attempts), LastError = error };
    }

    /// <summary>RetryDelay, doubled for each further failure, capped at an hour (or RetryDelay if that is longer).</summary>
    private TimeSpan RetryDelay(int attempts)
    {
        var cap = _options.RetryDelay > LongestRetryDelay ? _options.RetryDelay : LongestRetryDelay;
        var ticks = _options.RetryDelay.Ticks * (1L << Math.Min(attempts - 1, 16));
        return TimeSpan.FromTicks(Math.Min(ticks, cap.Ticks));
    }

    private async Task KeepLeaseAsync(Lease lease, CancellationTokenSource running, CancellationToken stop)
    {
        try
        {
            while (true)
            {
                await Task.Delay(_options.Lease / 3, clock, stop);
                var renewed = lease.Job with { LeaseUntil = clock.GetUtcNow() + _options.Lease };
                try
                {
                    // Not cancelled with the pass: a write cut off halfway would leave us not knowing our own ETag.
                    lease.ETag = await store.ReplaceAsync(lease.Key, renewed, lease.ETag, CancellationToken.None);
                    lease.Job = renewed;
                }
                catch (DocumentConflictException)
                {
                    lease.Lost = true;
                    await running.CancelAsync();
                    return;
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // The lease still runs for two more thirds: try again at the next tick.
                    Log.RenewalFailed(logger, ex, lease.Job.Id);
                }
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }
    }

    private async Task<string?> TryReplaceAsync(string key, ScheduledJob job, string etag, CancellationToken ct)
    {
        try
        {
            return await store.ReplaceAsync(key, job, etag, ct);
        }
        catch (DocumentConflictException)
        {
            return null;
        }
    }

    private async Task PurgeAsync(Document<ScheduledJob> document, CancellationToken ct)
    {
        try
        {
            if (await store.DeleteAsync(document.Key, document.ETag, ct))
            {
                Log.Purged(logger, document.Value.Id, document.Value.State);
            }
        }
        catch (DocumentConflictException)
        {
            // Another instance purged or touched it first.
        }
    }

    private static Dictionary<string, IJobHandler> IndexByKind(IEnumerable<IJobHandler> handlers, IEnumerable<JobKind> kinds)
    {
        var index = JobKind.IndexByName(handlers, handler => handler.Kind, handler => handler.GetType());
        foreach (var kind in kinds)
        {
            // The book accepts every registered kind: a handler answering to another name would leave its jobs unrun.
            if (index.GetValueOrDefault(kind.Name)?.GetType() != kind.HandlerType)
            {
                throw new InvalidOperationException($"{kind.HandlerType.Name} is registered for job kind '{kind.Name}' but does not handle it.");
            }
        }

        return index;
    }

    /// <summary>What this instance holds while a handler runs; the renewal and the final write share it one after the other.</summary>
    private sealed class Lease(string key, ScheduledJob job, string etag)
    {
        public string Key { get; } = key;

        public ScheduledJob Job { get; set; } = job;

        public string ETag { get; set; } = etag;

        public bool Lost { get; set; }
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Information, Message = "Job {JobId} ({Kind}) done by {Owner}")]
        public static partial void Done(ILogger logger, string jobId, string kind, string owner);

        [LoggerMessage(Level = LogLevel.Warning, Message = "Job {JobId} ({Kind}) failed (attempt {Attempts} of {MaxAttempts}); retry at {DueAt}")]
        public static partial void WillRetry(ILogger logger, Exception? exception, string jobId, string kind, int attempts, int maxAttempts, DateTimeOffset dueAt);

        [LoggerMessage(Level = LogLevel.Error, Message = "Job {JobId} ({Kind}) failed for good after {Attempts} attempts: {LastError}")]
        public static partial void GaveUp(ILogger logger, Exception? exception, string jobId, string kind, int attempts, string? lastError);

        [LoggerMessage(Level = LogLevel.Debug, Message = "Job {JobId} was claimed by another instance before {Owner}")]
        public static partial void ClaimLost(ILogger logger, string jobId, string owner);

        [LoggerMessage(Level = LogLevel.Warning, Message = "Job {JobId} ({Kind}): the lease of {PreviousOwner} expired at {LeaseUntil}; taking it over")]
        public static partial void LeaseExpired(ILogger logger, string jobId, string kind, string? previousOwner, DateTimeOffset? leaseUntil);

        [LoggerMessage(Level = LogLevel.Warning, Message = "Job {JobId} ({Kind}): {Owner} lost its lease to another instance; its outcome here is not recorded")]
        public static partial void LeaseLost(ILogger logger, string jobId, string kind, string owner);

        [LoggerMessage(Level = LogLevel.Warning, Message = "Job {JobId}: renewing the lease failed; trying again")]
        public static partial void RenewalFailed(ILogger logger, Exception exception, string jobId);

        [LoggerMessage(Level = LogLevel.Information, Message = "Job {JobId} ({Kind}) interrupted by shutdown and handed back")]
        public static partial void Released(ILogger logger, string jobId, string kind);

        [LoggerMessage(Level = LogLevel.Debug, Message = "Job {JobId} ({State}) deleted after its retention")]
        public static partial void Purged(ILogger logger, string jobId, JobState state);
    }
}
