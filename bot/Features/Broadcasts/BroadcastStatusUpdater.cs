using System.Collections.Concurrent;
using BepBot.Chat;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace BepBot.Features.Broadcasts;

/// <summary>
/// Keeps the author's status card current: posted at launch, updated in place (throttled) as deliveries finish,
/// and turned into the delivery report when the last one is final. The instance that moves the broadcast to
/// Completed also tells the author with a notification.
/// </summary>
public sealed partial class BroadcastStatusUpdater(
    BroadcastStore broadcasts,
    BroadcastCards cards,
    IProactiveMessenger messenger,
    IStringLocalizer<Texts> texts,
    TimeProvider clock,
    IOptions<BroadcastOptions> options,
    ILogger<BroadcastStatusUpdater> logger)
{
    private readonly ConcurrentDictionary<string, Task> _pendingRefreshes = new(StringComparer.Ordinal);

    /// <summary>Asks for a refresh soon; calls within the refresh interval are folded into one.</summary>
    public void Notify(string broadcastId) =>
        _pendingRefreshes.GetOrAdd(broadcastId, id => Task.Run(async () =>
        {
            try
            {
                await Task.Delay(options.Value.StatusRefreshInterval, clock);
                _pendingRefreshes.TryRemove(id, out _);
                await RefreshAsync(id, CancellationToken.None);
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
        if (broadcast?.AuthorConversation is null || broadcast.StatusActivityId is not null)
        {
            await RefreshAsync(broadcastId, cancellationToken);
            return;
        }

        var deliveries = await broadcasts.ListDeliveriesAsync(broadcastId, cancellationToken);
        var culture = CultureOf(broadcast.AuthorConversation);
        var activityId = await messenger.SendAsync(
            broadcast.AuthorConversation,
            new OutgoingMessage(texts["Broadcast_StatusTitle", broadcast.Title], cards.Status(broadcast, deliveries, culture)),
            cancellationToken);
        await broadcasts.ChangeAsync(broadcastId, current => current with { StatusActivityId = activityId }, cancellationToken);
        await RefreshAsync(broadcastId, cancellationToken);
    }

    /// <summary>Recounts the deliveries, completes the broadcast when all are final, and updates the card.</summary>
    public async Task<BroadcastState?> RefreshAsync(string broadcastId, CancellationToken cancellationToken)
    {
        var deliveries = await broadcasts.ListDeliveriesAsync(broadcastId, cancellationToken);
        var counts = DeliveryCounts.Of(deliveries);
        var now = clock.GetUtcNow();
        var completedHere = false;
        var broadcast = await broadcasts.ChangeAsync(
            broadcastId,
            current =>
            {
                completedHere = current.State == BroadcastState.Sending && counts.IsComplete && counts.Total >= current.RecipientCount && current.RecipientCount > 0;
                return completedHere ? current with { State = BroadcastState.Completed, CompletedAt = now } : null;
            },
            cancellationToken);
        if (broadcast?.AuthorConversation is null)
        {
            return broadcast?.State;
        }

        var culture = CultureOf(broadcast.AuthorConversation);
        if (broadcast.StatusActivityId is not null)
        {
            await messenger.UpdateAsync(broadcast.AuthorConversation, broadcast.StatusActivityId, new OutgoingMessage(null, cards.Status(broadcast, deliveries, culture)), cancellationToken);
        }

        if (completedHere)
        {
            LogCompleted(logger, broadcastId, counts.Sent, counts.Failed, counts.Unreachable);
            using var scope = Infrastructure.Text.CultureScope.Use(culture);
            await messenger.SendAsync(
                broadcast.AuthorConversation,
                new OutgoingMessage(texts["Broadcast_CompletedNotice", Cards.CardText.EscapeMarkdown(broadcast.Title), counts.Sent, counts.Total, counts.Failed, counts.Unreachable], Alert: true),
                cancellationToken);
        }

        return broadcast.State;
    }

    private static System.Globalization.CultureInfo CultureOf(SavedConversation conversation) => Infrastructure.Text.Cultures.FromLocale(conversation.Locale);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Status refresh of broadcast {BroadcastId} failed")]
    private static partial void LogRefreshFailed(ILogger logger, Exception exception, string broadcastId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Broadcast {BroadcastId} completed: {Sent} sent, {Failed} failed, {Unreachable} unreachable")]
    private static partial void LogCompleted(ILogger logger, string broadcastId, int sent, int failed, int unreachable);
}
