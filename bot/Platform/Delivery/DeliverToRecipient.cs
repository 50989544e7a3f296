using System.Collections.Concurrent;
using BepBot.Chat;
using BepBot.Infrastructure.Storage;
using BepBot.Infrastructure.Telemetry;
using BepBot.Infrastructure.Text;
using Microsoft.Extensions.Options;

namespace BepBot.Platform.Delivery;

/// <summary>
/// Sends one broadcast to one recipient (or, for a card update, replaces one card sent earlier), at most once: the delivery record is claimed with an ETag before the
/// send and made final after it, so a duplicate queue message, a second instance or a restart finds it done.
/// Teams' limits are the <see cref="ProactiveSender"/>'s (one pace under 50 requests/s, everyone paused after a 429);
/// here, an outcome worth retrying is tried again after Teams' Retry-After, else after an exponential backoff with
/// jitter, up to MaxAttempts; a conversation gone (403/404) is recorded as unreachable and not retried.
/// </summary>
public sealed partial class DeliverToRecipient
{
    private readonly BroadcastStore _broadcasts;
    private readonly AudienceResolver _audiences;
    private readonly ConversationDirectory _conversations;
    private readonly DeliveryCards _cards;
    private readonly ProactiveSender _sender;
    private readonly BroadcastStatusUpdater _status;
    private readonly TimeProvider _clock;
    private readonly BroadcastOptions _options;
    private readonly ILogger<DeliverToRecipient> _logger;
    private readonly BroadcastContents _contents;
    private readonly BepBotMetrics _metrics;
    private static readonly TimeSpan BroadcastCacheLifetime = TimeSpan.FromSeconds(10);

    // How often the update of a card still on its way looks whether it went out.
    private static readonly TimeSpan CardOnItsWayPoll = TimeSpan.FromSeconds(1);
    private readonly ConcurrentDictionary<string, RecentRead> _recentBroadcasts = new(StringComparer.Ordinal);

    public DeliverToRecipient(
        BroadcastStore broadcasts,
        AudienceResolver audiences,
        ConversationDirectory conversations,
        DeliveryCards cards,
        ProactiveSender sender,
        BroadcastStatusUpdater status,
        TimeProvider clock,
        IOptions<BroadcastOptions> options,
        BroadcastContents contents,
        ILogger<DeliverToRecipient> logger,
        BepBotMetrics metrics)
    {
        _contents = contents;
        _broadcasts = broadcasts;
        _audiences = audiences;
        _conversations = conversations;
        _cards = cards;
        _sender = sender;
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
        DeliveryRecord? delivery = null;
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
        if (claim.Delivery.Card is { ActivityId: null } onItsWay)
        {
            var source = (await _broadcasts.GetDeliveryAsync(onItsWay.BroadcastId, onItsWay.RecipientKey, stoppingToken))?.Value;
            if (source is not { IsFinal: true })
            {
                await _broadcasts.TryReplaceDeliveryAsync(claim.Delivery with { Status = DeliveryStatus.Pending, ClaimedUntil = null, UpdatedAt = _clock.GetUtcNow() }, claim.ETag, CancellationToken.None);
                return DeliveryResult.Later(CardOnItsWayPoll);
            }

            if (source is not { Status: DeliveryStatus.Sent, ActivityId: { } activityId })
            {
                await FinishAsync(claim.Delivery with { Status = DeliveryStatus.Failed, Why = new(DeliveryReasonKind.NothingToSend) }, claim.ETag);
                return DeliveryResult.Finished;
            }

            claim.Delivery = claim.Delivery with { Card = onItsWay with { ActivityId = activityId } };
        }

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
        var card = claim.Delivery.Card;
        var recipientKey = card?.RecipientKey ?? work.RecipientKey;
        var conversation = work.Conversation ?? await _audiences.ConversationOfAsync(recipientKey, stoppingToken);
        if (conversation is null)
        {
            await FinishAsync(claim.Delivery with { Status = DeliveryStatus.Unreachable, Why = new(DeliveryReasonKind.ConversationRemoved) }, claim.ETag);
            return;
        }

        var culture = Cultures.FromLocale(conversation.Locale);
        var message = card is null
            ? await MessageForAsync(broadcast, recipientKey, culture, stoppingToken)
            // An update replaces a card in the history: it raises no notification.
            : await _contents.Of(card.Content.Kind).RenderUpdateAsync(card.Content.Reference, recipientKey, culture, stoppingToken) is { } current ? current with { Alert = false } : null;
        if (message is null)
        {
            await FinishAsync(claim.Delivery with { Status = DeliveryStatus.Failed, Why = new(DeliveryReasonKind.NothingToSend) }, claim.ETag);
            return;
        }

        var retries = ProactiveRetry.Pipeline(_clock, _options, async retryDelay =>
        {
            // Shown on the author's card as "en nouvel essai" while we wait.
            var retrying = claim.Delivery with { Status = DeliveryStatus.Retrying, UpdatedAt = _clock.GetUtcNow(), ClaimedUntil = _clock.GetUtcNow() + retryDelay + _options.ClaimDuration };
            if (await _broadcasts.TryReplaceDeliveryAsync(retrying, claim.ETag, CancellationToken.None) is { } newEtag)
            {
                (claim.Delivery, claim.ETag) = (retrying, newEtag);
            }
        });
        var outcome = await retries.ExecuteAsync(
            async token =>
            {
                var attempt = claim.Delivery with { Attempts = claim.Delivery.Attempts + 1 };
                // Cancelled only while waiting for a turn; a send that went out is counted and its outcome recorded.
                var sent = card is null
                    ? await _sender.SendAsync(conversation, message, token)
                    : await _sender.UpdateAsync(conversation, card.ActivityId!, message, token);
                claim.Delivery = attempt;
                return sent;
            },
            stoppingToken);
        if (outcome is ProactiveOutcome.RetryAfter or ProactiveOutcome.Failed)
        {
            LogFailed(_logger, work.BroadcastId, work.RecipientKey, outcome, claim.Delivery.Attempts);
        }

        await FinishAsync(
            outcome switch
            {
                ProactiveOutcome.Sent sent => claim.Delivery with { Status = DeliveryStatus.Sent, SentAt = _clock.GetUtcNow(), ActivityId = card?.ActivityId ?? sent.ActivityId, Reason = null, Why = null },
                ProactiveOutcome.Gone gone => claim.Delivery with { Status = DeliveryStatus.Unreachable, Why = DeliveryReason.Gone(gone.Status) },
                ProactiveOutcome.RetryAfter retry => claim.Delivery with { Status = DeliveryStatus.Failed, Why = DeliveryReason.Failed(claim.Delivery.Attempts, retry.Status) },
                ProactiveOutcome.Failed failed => claim.Delivery with { Status = DeliveryStatus.Failed, Why = DeliveryReason.Failed(claim.Delivery.Attempts, failed.Status) },
                _ => throw new InvalidOperationException($"Unknown outcome {outcome}."),
            },
            claim.ETag);
        await RecordReachabilityAsync(conversation, outcome);
    }

    /// <summary>
    /// A conversation Teams calls gone stays saved, marked, rather than deleted: `annuaire` and the previews then say
    /// why the person cannot be reached and since when, and the next send still tries it (a false 404 heals itself).
    /// </summary>
    private async Task RecordReachabilityAsync(SavedConversation conversation, ProactiveOutcome outcome)
    {
        if (outcome is ProactiveOutcome.Gone gone)
        {
            await _conversations.MarkGoneAsync(conversation, gone.Status, _clock.GetUtcNow(), CancellationToken.None);
        }
        else if (outcome is ProactiveOutcome.Sent && conversation.GoneAt is not null)
        {
            await _conversations.ClearGoneAsync(conversation, CancellationToken.None);
        }
    }

    private async Task<OutgoingMessage?> MessageForAsync(Broadcast broadcast, string recipientKey, System.Globalization.CultureInfo culture, CancellationToken cancellationToken)
    {
        if (broadcast.Content is not { } content)
        {
            return new OutgoingMessage(broadcast.Title, _cards.Announcement(broadcast, culture), Alert: true);
        }

        return await _contents.Of(content.Kind).RenderAsync(content.Reference, recipientKey, culture, cancellationToken);
    }

    // The text of a broadcast does not change once it is sending: read it once per few seconds, not per recipient. The
    // deliveries that find it unread share one read: after a pause (an outage) a hundred of them resume at once.
    private async Task<Broadcast?> BroadcastAsync(string id, CancellationToken cancellationToken)
    {
        var now = _clock.GetUtcNow();
        var read = _recentBroadcasts.AddOrUpdate(id, _ => NewRead(), (_, kept) => kept.IsFreshAt(now) ? kept : NewRead());
        var broadcast = await read.Value;
        if (broadcast is null)
        {
            // Not kept: the next delivery looks again.
            _recentBroadcasts.TryRemove(new KeyValuePair<string, RecentRead>(id, read));
        }

        return broadcast;

        RecentRead NewRead() => new(now, () => _broadcasts.GetAsync(id, cancellationToken));
    }

    /// <summary>One read of a broadcast, shared by the deliveries that ask for it within <see cref="BroadcastCacheLifetime"/>.</summary>
    private sealed class RecentRead(DateTimeOffset startedAt, Func<Task<Document<Broadcast>?>> read)
    {
        private readonly Lazy<Task<Broadcast?>> _value = new(async () => (await read())?.Value);

        public Task<Broadcast?> Value => _value.Value;

        // A read that failed is not kept either: the next delivery tries the store again.
        public bool IsFreshAt(DateTimeOffset now) =>
            now - startedAt < BroadcastCacheLifetime && !(_value.IsValueCreated && (_value.Value.IsFaulted || _value.Value.IsCanceled));
    }

    /// <summary>The delivery as this worker last wrote it, and the ETag that proves the claim is still ours.</summary>
    private sealed class Claim(DeliveryRecord delivery, string etag)
    {
        public DeliveryRecord Delivery { get; set; } = delivery;

        public string ETag { get; set; } = etag;
    }

    private async Task FinishAsync(DeliveryRecord delivery, string etag)
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Broadcast {BroadcastId} to {Recipient} failed ({Outcome}) after {Attempts} attempts")]
    private static partial void LogFailed(ILogger logger, string broadcastId, [PseudonymousId] string recipient, ProactiveOutcome outcome, int attempts);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Delivery {BroadcastId}/{Recipient} changed under our claim; outcome not recorded")]
    private static partial void LogLostClaim(ILogger logger, string broadcastId, [PseudonymousId] string recipient);
}
