using BepBot.Infrastructure.Queues;
using Microsoft.Extensions.Options;

namespace BepBot.Platform.Delivery;

/// <summary>
/// Works the delivery queue on every bot instance. Messages are only deleted once their delivery is final; a
/// crash leaves them to reappear after the visibility timeout, and the delivery record prevents a second send.
/// </summary>
public sealed partial class DeliveryWorker(
    IWorkQueue queue,
    DeliveryQueueName deliveryQueue,
    DeliverToRecipient deliver,
    Chat.TurnAdmission admission,
    IOptions<BroadcastOptions> options,
    ILogger<DeliveryWorker> logger) : BackgroundService
{
    private const int BatchSize = 32;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        var concurrency = Math.Max(1, settings.Concurrency);
        var running = new HashSet<Task>();
        while (!stoppingToken.IsCancellationRequested)
        {
            // More work is fetched as soon as half the sends are done, not when the slowest of a batch is: one delivery
            // backing off before its retry, or a slow queue call, would otherwise leave every other slot (and Teams' pace) idle.
            while (running.Count > concurrency / 2)
            {
                running.Remove(await Task.WhenAny(running));
            }

            IReadOnlyList<QueuedMessage> batch;
            try
            {
                // The people waiting for an answer now go before the next recipients of a broadcast.
                await admission.YieldToWaitingTurnsAsync(stoppingToken);
                batch = await queue.ReceiveAsync(deliveryQueue.Name, Math.Min(BatchSize, concurrency - running.Count), settings.ClaimDuration, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                LogQueueUnavailable(logger, ex);
                await DelayAsync(settings.IdlePollInterval * 5, stoppingToken);
                continue;
            }

            if (batch.Count == 0)
            {
                await DelayAsync(settings.IdlePollInterval, stoppingToken);
                continue;
            }

            foreach (var message in batch)
            {
                running.Add(ProcessAsync(message, stoppingToken));
            }
        }

        // Sends already started finish even when the bot stops; only waiting for new work is cancelled.
        await Task.WhenAll(running);
    }

    private async Task ProcessAsync(QueuedMessage message, CancellationToken stoppingToken)
    {
        DeliveryWork? work;
        try
        {
            work = message.Body.ToObjectFromJson<DeliveryWork>(Infrastructure.Storage.DocumentStoreJson.Options);
        }
        catch (System.Text.Json.JsonException)
        {
            work = null;
        }

        try
        {
            if (work is null || string.IsNullOrEmpty(work.BroadcastId) || string.IsNullOrEmpty(work.RecipientKey))
            {
                LogPoisonMessage(logger, message.MessageId);
                await queue.CompleteAsync(message, CancellationToken.None);
                return;
            }

            var result = await deliver.DeliverAsync(work, stoppingToken);
            if (result.Done)
            {
                await queue.CompleteAsync(message, CancellationToken.None);
            }
            else
            {
                await queue.DelayAsync(message, result.Delay, CancellationToken.None);
            }
        }
        catch (QueueMessageLostException)
        {
            // Another instance received it again meanwhile; its copy decides.
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping before this one was sent: make it visible again at once for the next instance.
            await queue.DelayAsync(message, TimeSpan.Zero, CancellationToken.None);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogDeliveryError(logger, ex, message.MessageId);
        }
    }

    private static async Task DelayAsync(TimeSpan delay, CancellationToken stoppingToken)
    {
        try
        {
            await Task.Delay(delay, stoppingToken);
        }
        catch (OperationCanceledException)
        {
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Delivery queue unavailable; retrying shortly")]
    private static partial void LogQueueUnavailable(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Queue message {MessageId} is not a delivery; dropped")]
    private static partial void LogPoisonMessage(ILogger logger, string messageId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Delivery for queue message {MessageId} failed; it will come back after its visibility timeout")]
    private static partial void LogDeliveryError(ILogger logger, Exception exception, string messageId);
}
