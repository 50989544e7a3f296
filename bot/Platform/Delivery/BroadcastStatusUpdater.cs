using System.Collections.Concurrent;
using BepBot.Cards;
using BepBot.Chat;
using BepBot.Infrastructure.Text;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace BepBot.Platform.Delivery;

/// <summary>
/// Keeps the author's status card current without re-reading every delivery record: each instance counts what it
/// finished and writes its own progress document (one writer each, so no contention); the card shows their sum.
/// When the sum says everything is final, or progress stalled (an instance died before writing its count), one
/// full recount of the delivery records decides, completes the broadcast and lists the problems. The instance that
/// completes it also tells the author, with a notification.
/// </summary>
public sealed partial class BroadcastStatusUpdater(
    BroadcastStore broadcasts,
    DeliveryCards cards,
    ProactiveSender sender,
    IStringLocalizer<DeliveryTexts> texts,
    TimeProvider clock,
    IOptions<BroadcastOptions> options,
    ILogger<BroadcastStatusUpdater> logger)
{
    private readonly string _instance = $"{Environment.MachineName}-{Guid.NewGuid():N}";
    private readonly ConcurrentDictionary<string, Task> _pendingRefreshes = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, LocalProgress> _progress = new(StringComparer.Ordinal);

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
    public async Task PostOrRefreshAsync(string broadcastId, CancellationToken cancellationToken)
    {
        var broadcast = (await broadcasts.GetAsync(broadcastId, cancellationToken))?.Value;
        if (broadcast?.AuthorConversation is not null && broadcast.StatusActivityId is null)
        {
            var culture = Cultures.FromLocale(broadcast.AuthorConversation.Locale);
            var outcome = await sender.SendAsync(
                broadcast.AuthorConversation,
                new OutgoingMessage(texts["Broadcast_StatusTitle", broadcast.Title], cards.Status(broadcast, [], culture)),
                cancellationToken);
            switch (outcome)
            {
                case ProactiveOutcome.Sent sent:
                    await broadcasts.ChangeAsync(broadcastId, current => current with { StatusActivityId = sent.ActivityId }, cancellationToken);
                    break;
                case ProactiveOutcome.RetryAfter:
                    // The launch job fails and runs again (every step of it is idempotent), posting the card then.
                    throw new NotSentException(outcome);
                default:
                    // The author cannot be shown the card; the broadcast goes on without it.
                    LogNotShown(logger, broadcastId, outcome);
                    break;
            }
        }

        await RefreshAsync(broadcastId, fullRecount: false, cancellationToken);
    }

    /// <summary>The watch job's pass: a full recount when nothing moved since the last pass.</summary>
    public async Task<BroadcastState?> WatchAsync(string broadcastId, CancellationToken cancellationToken)
    {
        var broadcast = (await broadcasts.GetAsync(broadcastId, cancellationToken))?.Value;
        if (broadcast is null)
        {
            return null;
        }

        var progress = await SummedProgressAsync(broadcastId, cancellationToken);
        await broadcasts.ChangeAsync(broadcastId, current => current with { ProgressAtLastWatch = progress.Final }, cancellationToken);
        return await RefreshAsync(broadcastId, fullRecount: progress.Final == broadcast.ProgressAtLastWatch, cancellationToken);
    }

    public async Task<BroadcastState?> RefreshAsync(string broadcastId, bool fullRecount, CancellationToken cancellationToken)
    {
        var broadcast = (await broadcasts.GetAsync(broadcastId, cancellationToken))?.Value;
        if (broadcast is null)
        {
            return null;
        }

        var progress = await SummedProgressAsync(broadcastId, cancellationToken);
        var finalCount = progress.Final + broadcast.UnreachableAtLaunch;
        IReadOnlyList<DeliveryRecord> records = [];
        DeliveryCounts counts;
        if (fullRecount || (broadcast.RecipientCount > 0 && finalCount >= broadcast.RecipientCount) || broadcast.State == BroadcastState.Completed)
        {
            records = await broadcasts.ListDeliveriesAsync(broadcastId, cancellationToken);
            counts = DeliveryCounts.Of(records);
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
        if (broadcast?.AuthorConversation is null)
        {
            return broadcast?.State;
        }

        var culture = Cultures.FromLocale(broadcast.AuthorConversation.Locale);
        if (broadcast.StatusActivityId is not null)
        {
            // Best effort: a refresh that does not go through is made good by the next one.
            if (await sender.UpdateAsync(broadcast.AuthorConversation, broadcast.StatusActivityId, new OutgoingMessage(null, cards.Status(broadcast, counts, records, culture)), cancellationToken) is not ProactiveOutcome.Sent)
            {
                LogRefreshNotShown(logger, broadcastId);
            }
        }

        if (completedHere)
        {
            LogCompleted(logger, broadcastId, counts.Sent, counts.Failed, counts.Unreachable);
            using var scope = CultureScope.Use(culture);
            var notice = await sender.SendAsync(
                broadcast.AuthorConversation,
                new OutgoingMessage(texts["Broadcast_CompletedNotice", CardText.EscapeMarkdown(broadcast.Title), counts.Sent, counts.Total, counts.Failed, counts.Unreachable], Alert: true),
                cancellationToken);
            if (notice is not ProactiveOutcome.Sent)
            {
                LogNotShown(logger, broadcastId, notice);
            }
        }

        return broadcast.State;
    }

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
