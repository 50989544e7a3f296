using System.Collections.Concurrent;
using BepBot.Chat;
using BepBot.Infrastructure.Queues;
using BepBot.Infrastructure.Scheduling;
using BepBot.Infrastructure.Storage;

namespace BepBot.Platform.Delivery;

/// <summary>
/// Fans a broadcast out: one delivery record per recipient (per card sent about its subject, for a card update), one
/// queue message per delivery still to send.
/// Every step is idempotent (create-if-absent records, workers check the record before sending), so the
/// scheduler may run it again after a crash without anyone getting the message twice.
/// </summary>
public sealed partial class LaunchBroadcastJob(
    BroadcastStore broadcasts,
    AudienceResolver audiences,
    IWorkQueue queue,
    DeliveryQueueName deliveryQueue,
    BroadcastStatusUpdater status,
    CardUpdates cardUpdates,
    JobBook jobs,
    TimeProvider clock,
    ILogger<LaunchBroadcastJob> logger) : IJobHandler
{
    public const string JobKind = "broadcast.launch";

    public string Kind => JobKind;

    public static string JobIdOf(string broadcastId) => "broadcast-launch-" + broadcastId;

    public async Task RunAsync(ScheduledJob job, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var broadcast = await broadcasts.ChangeAsync(
            job.Payload,
            current => current.State == BroadcastState.Scheduled ? current with { State = BroadcastState.Sending, StartedAt = now } : null,
            cancellationToken);
        if (broadcast is null || broadcast.State != BroadcastState.Sending)
        {
            LogSkipped(logger, job.Payload, broadcast?.State);
            return;
        }

        var planned = broadcast.Updates is { } update
            ? await PlanUpdatesAsync(broadcast, update, now, cancellationToken)
            : await PlanSendsAsync(broadcast, now, cancellationToken);
        if (broadcast.Updates is not null && planned.Count == 0)
        {
            // Nothing was sent about it yet: nothing to update, nobody to bother with a report.
            await broadcasts.ChangeAsync(broadcast.Id, current => current with { State = BroadcastState.Completed, CompletedAt = now }, cancellationToken);
            LogNothingToUpdate(logger, broadcast.Id);
            return;
        }

        var created = new ConcurrentDictionary<string, (DeliveryRecord Delivery, string ETag)>(StringComparer.Ordinal);
        await Parallel.ForEachAsync(
            planned,
            new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = cancellationToken },
            async (plan, token) =>
            {
                if (await broadcasts.TryCreateDeliveryAsync(plan.Delivery, token) is { } etag)
                {
                    created[plan.Delivery.RecipientKey] = (plan.Delivery, etag);
                }
            });

        // A first run knows every record it created; only a re-run after a crash reads them back.
        var deliveries = created.Count == planned.Count
            ? created.Values.Select(entry => entry.Delivery).ToList()
            : [.. await broadcasts.ListDeliveriesAsync(broadcast.Id, cancellationToken)];
        var toSend = deliveries.Where(delivery => !delivery.IsFinal).ToList();
        var conversations = planned.ToDictionary(plan => plan.Delivery.RecipientKey, plan => plan.Conversation, StringComparer.Ordinal);
        await queue.EnqueueManyAsync(
            deliveryQueue.Name,
            toSend.Select(delivery => DocumentStoreJson.Serialize(created.TryGetValue(delivery.RecipientKey, out var fresh)
                ? new DeliveryWork(broadcast.Id, delivery.RecipientKey, conversations.GetValueOrDefault(delivery.RecipientKey), fresh.Delivery, fresh.ETag)
                : new DeliveryWork(broadcast.Id, delivery.RecipientKey, conversations.GetValueOrDefault(delivery.RecipientKey)))),
            cancellationToken);
        var unreachable = deliveries.Count(delivery => delivery.Status == DeliveryStatus.Unreachable && delivery.Attempts == 0);
        await broadcasts.ChangeAsync(broadcast.Id, current => current with { RecipientCount = deliveries.Count, UnreachableAtLaunch = unreachable }, cancellationToken);
        LogLaunched(logger, broadcast.Id, deliveries.Count, toSend.Count);

        await status.PostOrRefreshAsync(broadcast.Id, cancellationToken);
        await jobs.ScheduleAsync(WatchBroadcastJob.JobKind, WatchBroadcastJob.JobIdOf(broadcast.Id, 1), now + WatchBroadcastJob.Interval, broadcast.Id, cancellationToken);
    }

    /// <summary>One delivery per recipient of the audience; those Teams gives no way to write to are final at once.</summary>
    private async Task<IReadOnlyList<(DeliveryRecord Delivery, SavedConversation? Conversation)>> PlanSendsAsync(Broadcast broadcast, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await cardUpdates.IndexAsync(broadcast, cancellationToken);
        var recipients = await audiences.ResolveAsync(broadcast.Audience, cancellationToken);
        return [.. recipients.Select(recipient => (
            recipient.Conversation is null
                ? new DeliveryRecord(broadcast.Id, recipient.Key, recipient.Name, DeliveryStatus.Unreachable, 0, now, Why: DeliveryReason.NotReachableAtLaunch(recipient), Commune: recipient.Member?.Commune)
                : new DeliveryRecord(broadcast.Id, recipient.Key, recipient.Name, DeliveryStatus.Pending, 0, now, Commune: recipient.Member?.Commune),
            recipient.Conversation))];
    }

    /// <summary>One delivery per card sent about the subject; the worker finds each conversation when it updates the card.</summary>
    private async Task<IReadOnlyList<(DeliveryRecord Delivery, SavedConversation? Conversation)>> PlanUpdatesAsync(Broadcast broadcast, CardUpdate update, DateTimeOffset now, CancellationToken cancellationToken) =>
        [.. (await cardUpdates.SentCardsAsync(update, cancellationToken)).Select(sent => (
            new DeliveryRecord(broadcast.Id, CardUpdates.KeyOf(sent.Card), sent.Sent.RecipientName, DeliveryStatus.Pending, 0, now, Card: sent.Card, Commune: sent.Sent.Commune),
            (SavedConversation?)null))];

    [LoggerMessage(Level = LogLevel.Information, Message = "Card update {BroadcastId}: no card was sent about its subject")]
    private static partial void LogNothingToUpdate(ILogger logger, string broadcastId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Broadcast {BroadcastId} launched: {Recipients} recipients, {Queued} queued")]
    private static partial void LogLaunched(ILogger logger, string broadcastId, int recipients, int queued);

    [LoggerMessage(Level = LogLevel.Information, Message = "Broadcast {BroadcastId} not launched: state {State}")]
    private static partial void LogSkipped(ILogger logger, string broadcastId, BroadcastState? state);
}
