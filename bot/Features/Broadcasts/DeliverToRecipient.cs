using System.Collections.Concurrent;
using BepBot.Chat;
using BepBot.Infrastructure.Telemetry;
using BepBot.Infrastructure.Text;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;

namespace BepBot.Features.Broadcasts;

/// <summary>What the worker does with the queue message: done (delete it) or look again after a delay.</summary>
public readonly record struct DeliveryResult(bool Done, TimeSpan Delay)
{
    public static DeliveryResult Finished { get; } = new(true, TimeSpan.Zero);

    public static DeliveryResult Later(TimeSpan delay) => new(false, delay < TimeSpan.Zero ? TimeSpan.Zero : delay);
}

/// <summary>
/// Sends one broadcast to one recipient, at most once: the delivery record is claimed with an ETag before the
/// send and made final after it, so a duplicate queue message, a second instance or a restart finds it done.
/// Teams' limits: the messenger's pace under 50 requests/s, the global throttle after a 429, Retry-After
/// honoured, then exponential backoff with jitter for 429/412/5xx; 403/404 mean the bot cannot reach that
/// conversation any more (not retried).
/// </summary>
public sealed partial class DeliverToRecipient
{
    private readonly BroadcastStore _broadcasts;
    private readonly AudienceResolver _audiences;
    private readonly BroadcastCards _cards;
    private readonly IProactiveMessenger _messenger;
    private readonly TeamsThrottle _throttle;
    private readonly BroadcastStatusUpdater _status;
    private readonly TimeProvider _clock;
    private readonly BroadcastOptions _options;
    private readonly ILogger<DeliverToRecipient> _logger;
    private readonly Dictionary<string, IBroadcastContent> _contents;
    private readonly BepBotMetrics _metrics;
    private static readonly TimeSpan BroadcastCacheLifetime = TimeSpan.FromSeconds(10);
    private readonly ConcurrentDictionary<string, (Broadcast Broadcast, DateTimeOffset ReadAt)> _recentBroadcasts = new(StringComparer.Ordinal);

    public DeliverToRecipient(
        BroadcastStore broadcasts,
        AudienceResolver audiences,
        BroadcastCards cards,
        IProactiveMessenger messenger,
        TeamsThrottle throttle,
        BroadcastStatusUpdater status,
        TimeProvider clock,
        IOptions<BroadcastOptions> options,
        IEnumerable<IBroadcastContent> contents,
        ILogger<DeliverToRecipient> logger,
        BepBotMetrics metrics)
    {
        _contents = contents.ToDictionary(content => content.Kind, StringComparer.Ordinal);
        _broadcasts = broadcasts;
        _audiences = audiences;
        _cards = cards;
        _messenger = messenger;
        _throttle = throttle;
        _status = status;
        _clock = clock;
        _options = options.Value;
        _logger = logger;
        _metrics = metrics;
    }

    public async Task<DeliveryResult> DeliverAsync(DeliveryWork work, CancellationToken stoppingToken)
    {
        var now = _clock.GetUtcNow();
        var broadcast = await BroadcastAsync(work.BroadcastId, stoppingToken);
        if (broadcast is null)
        {
            return DeliveryResult.Finished;
        }

        // Claims are not cancellable: a claim written but not seen would hold this delivery for the whole claim duration.
        Delivery? delivery = null;
        string? etag = null;
        if (work is { Created: { } created, CreatedETag: { } createdETag })
        {
            var claimed = created with { Status = DeliveryStatus.Sending, ClaimedUntil = now + _options.ClaimDuration, UpdatedAt = now };
            etag = await _broadcasts.TryReplaceDeliveryAsync(claimed, createdETag, CancellationToken.None);
            delivery = etag is null ? null : claimed;
        }

        if (etag is null)
        {
            var record = await _broadcasts.GetDeliveryAsync(work.BroadcastId, work.RecipientKey, stoppingToken);
            if (record is null || record.Value.IsFinal)
            {
                return DeliveryResult.Finished;
            }

            if (record.Value.Status == DeliveryStatus.Sending && record.Value.ClaimedUntil > now)
            {
                return DeliveryResult.Later(record.Value.ClaimedUntil.Value - now);
            }

            delivery = record.Value with { Status = DeliveryStatus.Sending, ClaimedUntil = now + _options.ClaimDuration, UpdatedAt = now };
            etag = await _broadcasts.TryReplaceDeliveryAsync(delivery, record.ETag, CancellationToken.None);
            if (etag is null)
            {
                return DeliveryResult.Later(TimeSpan.FromSeconds(1));
            }
        }

        var claim = new Claim(delivery!, etag);
        try
        {
            await SendClaimedAsync(work, broadcast, claim, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The bot is stopping before Teams was called: hand the delivery back so the next instance sends it at once.
            await _broadcasts.TryReplaceDeliveryAsync(claim.Delivery with { Status = DeliveryStatus.Retrying, ClaimedUntil = null, UpdatedAt = _clock.GetUtcNow() }, claim.ETag, CancellationToken.None);
            return DeliveryResult.Later(TimeSpan.Zero);
        }

        return DeliveryResult.Finished;
    }

    /// <summary>Sends a delivery this worker has claimed and records the final outcome.</summary>
    private async Task SendClaimedAsync(DeliveryWork work, Broadcast broadcast, Claim claim, CancellationToken stoppingToken)
    {
        var conversation = work.Conversation ?? await _audiences.ConversationOfAsync(work.RecipientKey, stoppingToken);
        if (conversation is null)
        {
            await FinishAsync(claim.Delivery with { Status = DeliveryStatus.Unreachable, Reason = "La conversation avec BepBot n'existe plus (application désinstallée)." }, claim.ETag);
            return;
        }

        var message = await MessageForAsync(broadcast, work.RecipientKey, Cultures.FromLocale(conversation.Locale), stoppingToken);
        if (message is null)
        {
            await FinishAsync(claim.Delivery with { Status = DeliveryStatus.Failed, Reason = "Plus d'objet : le contenu n'est plus à envoyer (clôturé ou annulé entre-temps)." }, claim.ETag);
            return;
        }

        try
        {
            var retries = RetryPipeline(async retryDelay =>
            {
                // Shown on the author's card as "en nouvel essai" while we wait.
                var retrying = claim.Delivery with { Status = DeliveryStatus.Retrying, UpdatedAt = _clock.GetUtcNow(), ClaimedUntil = _clock.GetUtcNow() + retryDelay + _options.ClaimDuration };
                if (await _broadcasts.TryReplaceDeliveryAsync(retrying, claim.ETag, CancellationToken.None) is { } newEtag)
                {
                    (claim.Delivery, claim.ETag) = (retrying, newEtag);
                }
            });
            var activityId = await retries.ExecuteAsync(
                async token =>
                {
                    await _throttle.WaitAsync(token);
                    claim.Delivery = claim.Delivery with { Attempts = claim.Delivery.Attempts + 1 };
                    // Not cancellable: once a send is on the wire we wait for Teams' answer and record it.
                    return await _messenger.SendAsync(conversation, message, CancellationToken.None);
                },
                stoppingToken);
            await FinishAsync(claim.Delivery with { Status = DeliveryStatus.Sent, SentAt = _clock.GetUtcNow(), ActivityId = activityId, Reason = null }, claim.ETag);
        }
        catch (ProactiveSendException ex) when (ex.StatusCode is 403 or 404)
        {
            await FinishAsync(claim.Delivery with { Status = DeliveryStatus.Unreachable, Reason = ex.StatusCode == 403 ? "Teams refuse : BepBot a été retiré de cette conversation (403)." : "Teams ne trouve plus cette conversation (404)." }, claim.ETag);
        }
        catch (ProactiveSendException ex)
        {
            LogFailed(_logger, work.BroadcastId, work.RecipientKey, ex.StatusCode, claim.Delivery.Attempts);
            await FinishAsync(claim.Delivery with { Status = DeliveryStatus.Failed, Reason = $"Échec après {claim.Delivery.Attempts} tentative(s) : Teams a répondu {DescribeStatus(ex.StatusCode)}." }, claim.ETag);
        }
    }

    private async Task<OutgoingMessage?> MessageForAsync(Broadcast broadcast, string recipientKey, System.Globalization.CultureInfo culture, CancellationToken cancellationToken)
    {
        if (broadcast.Content is not { } content)
        {
            return new OutgoingMessage(broadcast.Title, _cards.Announcement(broadcast, culture), Alert: true);
        }

        if (!_contents.TryGetValue(content.Kind, out var renderer))
        {
            throw new InvalidOperationException($"No IBroadcastContent is registered for '{content.Kind}'.");
        }

        return await renderer.RenderAsync(content.Reference, recipientKey, culture, cancellationToken);
    }

    // The text of a broadcast does not change once it is sending: read it once per few seconds, not per recipient.
    private async Task<Broadcast?> BroadcastAsync(string id, CancellationToken cancellationToken)
    {
        var now = _clock.GetUtcNow();
        if (_recentBroadcasts.TryGetValue(id, out var cached) && now - cached.ReadAt < BroadcastCacheLifetime)
        {
            return cached.Broadcast;
        }

        var broadcast = (await _broadcasts.GetAsync(id, cancellationToken))?.Value;
        if (broadcast is not null)
        {
            _recentBroadcasts[id] = (broadcast, now);
        }

        return broadcast;
    }

    /// <summary>The delivery as this worker last wrote it, and the ETag that proves the claim is still ours.</summary>
    private sealed class Claim(Delivery delivery, string etag)
    {
        public Delivery Delivery { get; set; } = delivery;

        public string ETag { get; set; } = etag;
    }

    private ResiliencePipeline<string?> RetryPipeline(Func<TimeSpan, Task> markRetrying) =>
        new ResiliencePipelineBuilder<string?> { TimeProvider = _clock }
            .AddRetry(new RetryStrategyOptions<string?>
            {
                ShouldHandle = new PredicateBuilder<string?>().Handle<ProactiveSendException>(ex => ex.StatusCode is 0 or 412 or 429 or 500 or 502 or 503 or 504),
                MaxRetryAttempts = Math.Max(0, _options.MaxAttempts - 1),
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = _options.BaseRetryDelay,
                DelayGenerator = arguments => ValueTask.FromResult(
                    arguments.Outcome.Exception is ProactiveSendException { StatusCode: 429, RetryAfter: { } retryAfter } ? retryAfter : (TimeSpan?)null),
                OnRetry = async arguments =>
                {
                    if (arguments.Outcome.Exception is ProactiveSendException { StatusCode: 429 })
                    {
                        await _throttle.ThrottleUntilAsync(_clock.GetUtcNow() + arguments.RetryDelay, CancellationToken.None);
                    }

                    await markRetrying(arguments.RetryDelay);
                },
            })
            .Build();

    private async Task FinishAsync(Delivery delivery, string etag)
    {
        var final = delivery with { ClaimedUntil = null, UpdatedAt = _clock.GetUtcNow() };
        if (await _broadcasts.TryReplaceDeliveryAsync(final, etag, CancellationToken.None) is null)
        {
            LogLostClaim(_logger, delivery.BroadcastId, delivery.RecipientKey);
            return;
        }

        _status.Record(final);
        _metrics.RecordDelivery(final.Status switch
        {
            DeliveryStatus.Sent => "sent",
            DeliveryStatus.Unreachable => "unreachable",
            _ => "failed",
        });
    }

    private static string DescribeStatus(int status) => status == 0 ? "pas de réponse (réseau)" : status.ToString(System.Globalization.CultureInfo.InvariantCulture);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Broadcast {BroadcastId} to {Recipient} failed with status {Status} after {Attempts} attempts")]
    private static partial void LogFailed(ILogger logger, string broadcastId, string recipient, int status, int attempts);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Delivery {BroadcastId}/{Recipient} changed under our claim; outcome not recorded")]
    private static partial void LogLostClaim(ILogger logger, string broadcastId, string recipient);
}
