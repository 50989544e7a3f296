using System.Collections.Concurrent;
using BepBot.Chat;
using BepBot.Infrastructure.Text;
using Microsoft.Extensions.Options;

namespace BepBot.Platform.Delivery;

/// <summary>
/// Keeps the author's status card current without re-reading every delivery record: each instance counts what it
/// finished and writes its own progress document (one writer each, so no contention); the card shows their sum.
/// When the sum says everything is final, or progress stalled (an instance died before writing its count), one
/// full recount of the delivery records decides, completes the broadcast and lists the problems; each full recount is
/// kept as the broadcast's summary. The instance that completes it also tells the author, with a notification. Each
/// call to Teams is tried again after a 429 (its Retry-After), so that the author hears the end; a finished broadcast
/// keeps the card the refresh finishing it showed.
/// </summary>
public sealed partial class BroadcastStatusUpdater(
    BroadcastStore broadcasts,
    DeliveryCards cards,
    ProactiveSender sender,
    TimeProvider clock,
    IOptions<BroadcastOptions> options,
    ILogger<BroadcastStatusUpdater> logger)
{
    private readonly string _instance = $"{Environment.MachineName}-{Guid.NewGuid():N}";
    private readonly ConcurrentDictionary<string, Task> _pendingRefreshes = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, LocalProgress> _progress = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _gates = new(StringComparer.Ordinal);

    /// <summary>Counts a delivery this instance made final, and schedules a refresh of the card.</summary>
    public void Record(DeliveryRecord final)
    {
        var progress = _progress.GetOrAdd(final.BroadcastId, _ => new LocalProgress());
        progress.Add(final.Status);
        Notify(final.BroadcastId);
    }

    /// <summary>Asks for a refresh soon; calls within the refresh interval are folded into one.</summary>
    public void Notify(string broadcastId) =>
        _pendingRefreshes.GetOrAdd(broadcastId, id => Task.Run(async () =>
        {
            try
            {
                await Task.Delay(options.Value.StatusRefreshInterval, clock);
                _pendingRefreshes.TryRemove(id, out _);
                await RefreshAsync(id, fullRecount: false, CancellationToken.None);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                _pendingRefreshes.TryRemove(id, out _);
                LogRefreshFailed(logger, ex, id);
            }
        }));

    /// <summary>Posts the status card if the author has none yet, else refreshes it.</summary>
    public Task PostOrRefreshAsync(string broadcastId, CancellationToken cancellationToken) =>
        RefreshAsync(broadcastId, fullRecount: false, cancellationToken, mayPost: true);

    /// <summary>The watch job's pass: a full recount when nothing moved since the last pass; posts the card if it never went out.</summary>
    public async Task<BroadcastState?> WatchAsync(string broadcastId, CancellationToken cancellationToken)
    {
        var broadcast = (await broadcasts.GetAsync(broadcastId, cancellationToken))?.Value;
        if (broadcast is null)
        {
            return null;
        }

        var progress = await SummedProgressAsync(broadcastId, cancellationToken);
        await broadcasts.ChangeAsync(broadcastId, current => current with { ProgressAtLastWatch = progress.Final }, cancellationToken);
        return await RefreshAsync(broadcastId, fullRecount: progress.Final == broadcast.ProgressAtLastWatch, cancellationToken, mayPost: true);
    }

    /// <param name="mayPost">Post the status card if the author has none yet (the launch and the watch; the folded refreshes only update it).</param>
    public async Task<BroadcastState?> RefreshAsync(string broadcastId, bool fullRecount, CancellationToken cancellationToken, bool mayPost = false)
    {
        // One refresh at a time per broadcast here: a refresh waiting out a 429 must not land after a later, truer one.
        var gate = _gates.GetOrAdd(broadcastId, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        BroadcastState? state = null;
        try
        {
            state = await RefreshOnceAsync(broadcastId, fullRecount, mayPost, cancellationToken);
            return state;
        }
        finally
        {
            gate.Release();
            if (state is null or BroadcastState.Completed or BroadcastState.Cancelled)
            {
                // Nothing left to show for it: a late caller gets a new gate and finds it finished.
                _gates.TryRemove(broadcastId, out _);
            }
        }
    }

    private async Task<BroadcastState?> RefreshOnceAsync(string broadcastId, bool fullRecount, bool mayPost, CancellationToken cancellationToken)
    {
        var broadcast = (await broadcasts.GetAsync(broadcastId, cancellationToken))?.Value;
        if (broadcast is null || broadcast.State is BroadcastState.Completed or BroadcastState.Cancelled)
        {
            // The refresh that completed it showed the final card; a later one (a watch round already planned) leaves it be.
            return broadcast?.State;
        }

        var progress = await SummedProgressAsync(broadcastId, cancellationToken);
        var finalCount = progress.Final + broadcast.UnreachableAtLaunch;
        IReadOnlyList<DeliveryRecord> records = [];
        DeliveryCounts counts;
        if (fullRecount || (broadcast.RecipientCount > 0 && finalCount >= broadcast.RecipientCount))
        {
            // Kept as the broadcast's summary too: the tab's « Diffusions » shows a finished broadcast from it.
            (var summary, records) = await broadcasts.RecountAsync(broadcastId, clock, cancellationToken);
            counts = summary.Counts;
        }
        else
        {
            counts = new DeliveryCounts(
                progress.Sent,
                Math.Max(0, broadcast.RecipientCount - finalCount),
                0,
                progress.Failed,
                progress.Unreachable + broadcast.UnreachableAtLaunch);
        }

        var now = clock.GetUtcNow();
        var completedHere = false;
        broadcast = await broadcasts.ChangeAsync(
            broadcastId,
            current =>
            {
                completedHere = records.Count > 0 && current.State == BroadcastState.Sending && counts.IsComplete && counts.Total >= current.RecipientCount;
                return completedHere ? current with { State = BroadcastState.Completed, CompletedAt = now } : null;
            },
            cancellationToken);
        if (broadcast?.AuthorConversation is not { } author)
        {
            if (completedHere)
            {
                LogCompleted(logger, broadcastId, counts.Sent, counts.Failed, counts.Unreachable);
            }

            return broadcast?.State;
        }

        var culture = Cultures.FromLocale(author.Locale);
        var card = new OutgoingMessage(cards.StatusTitle(broadcast, culture), cards.Status(broadcast, counts, records, culture));
        if (broadcast.StatusActivityId is { } activityId)
        {
            if (await WithRetriesAsync(token => sender.UpdateAsync(author, activityId, card, token), cancellationToken) is not ProactiveOutcome.Sent)
            {
                LogRefreshNotShown(logger, broadcastId);
            }
        }
        else if (mayPost || completedHere)
        {
            await PostAsync(broadcast, author, card, cancellationToken);
        }

        if (completedHere)
        {
            LogCompleted(logger, broadcastId, counts.Sent, counts.Failed, counts.Unreachable);
            var notice = await WithRetriesAsync(
                token => sender.SendAsync(author, new OutgoingMessage(cards.CompletedNotice(broadcast, counts, culture), Alert: true), token),
                cancellationToken);
            if (notice is not ProactiveOutcome.Sent)
            {
                LogNotShown(logger, broadcastId, notice);
            }
        }

        return broadcast.State;
    }

    private async Task PostAsync(Broadcast broadcast, SavedConversation author, OutgoingMessage card, CancellationToken cancellationToken)
    {
        var outcome = await WithRetriesAsync(token => sender.SendAsync(author, card, token), cancellationToken);
        if (outcome is ProactiveOutcome.Sent sent)
        {
            await broadcasts.ChangeAsync(broadcast.Id, current => current with { StatusActivityId = sent.ActivityId }, cancellationToken);
        }
        else
        {
            // The broadcast goes on without it; the next watch round tries again while it runs.
            LogNotShown(logger, broadcast.Id, outcome);
        }
    }

    private async Task<ProactiveOutcome> WithRetriesAsync(Func<CancellationToken, Task<ProactiveOutcome>> call, CancellationToken cancellationToken) =>
        await ProactiveRetry.Pipeline(clock, options.Value).ExecuteAsync(async token => await call(token), cancellationToken);

    private async Task<BroadcastProgress> SummedProgressAsync(string broadcastId, CancellationToken cancellationToken)
    {
        if (_progress.TryGetValue(broadcastId, out var local))
        {
            await broadcasts.SaveProgressAsync(broadcastId, _instance, local.Snapshot(clock.GetUtcNow()), cancellationToken);
        }

        var shards = await broadcasts.ListProgressAsync(broadcastId, cancellationToken);
        return new BroadcastProgress(shards.Sum(shard => shard.Sent), shards.Sum(shard => shard.Failed), shards.Sum(shard => shard.Unreachable), clock.GetUtcNow());
    }

    private sealed class LocalProgress
    {
        private int _sent;
        private int _failed;
        private int _unreachable;

        public void Add(DeliveryStatus status)
        {
            switch (status)
            {
                case DeliveryStatus.Sent:
                    Interlocked.Increment(ref _sent);
                    break;
                case DeliveryStatus.Failed:
                    Interlocked.Increment(ref _failed);
                    break;
                case DeliveryStatus.Unreachable:
                    Interlocked.Increment(ref _unreachable);
                    break;
            }
        }

        public BroadcastProgress Snapshot(DateTimeOffset now) => new(Volatile.Read(ref _sent), Volatile.Read(ref _failed), Volatile.Read(ref _unreachable), now);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Status refresh of broadcast {BroadcastId} failed")]
    private static partial void LogRefreshFailed(ILogger logger, Exception exception, string broadcastId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Broadcast {BroadcastId}: its author could not be told ({Outcome})")]
    private static partial void LogNotShown(ILogger logger, string broadcastId, ProactiveOutcome outcome);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Broadcast {BroadcastId}: a status card refresh did not go through; the next one will")]
    private static partial void LogRefreshNotShown(ILogger logger, string broadcastId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Broadcast {BroadcastId} completed: {Sent} sent, {Failed} failed, {Unreachable} unreachable")]
    private static partial void LogCompleted(ILogger logger, string broadcastId, int sent, int failed, int unreachable);
}
