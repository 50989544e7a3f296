using System.Security.Cryptography;
using System.Text;
using BepBot.Chat;

namespace BepBot.Platform.Delivery;

/// <summary>
/// Updates in place every card the bot sent about a subject (a ballot that closed, a session that moved), so that the
/// chat history stays true. An update is a broadcast like any other — paced, 429-aware, one record per card, reported —
/// whose deliveries are the cards earlier broadcasts sent about the subject (found through the subject index their
/// launch wrote) and whose worker replaces each card with the one its content renders now.
/// </summary>
public sealed partial class CardUpdates(
    Broadcaster broadcaster,
    BroadcastStore broadcasts,
    BroadcastContents contents,
    ConversationDirectory conversations,
    ILogger<CardUpdates> logger)
{
    public async Task<Broadcast> StartAsync(CardUpdateRequest request, CancellationToken cancellationToken = default)
    {
        var reportTo = request.ReportToAadObjectId is { } author ? await conversations.FindPersonalAsync(author, cancellationToken) : null;
        var broadcast = await broadcaster.StartAsync(
            new BroadcastRequest(
                request.Title,
                string.Empty,
                new Audience(AudienceKind.Members, Members: request.OnlyRecipients ?? []),
                request.ReportToAadObjectId ?? "bepbot",
                request.ReportToName ?? "BepBot",
                AuthorConversation: reportTo,
                Id: IdOf(request.Key),
                Updates: new CardUpdate(request.Subject, request.OnlyRecipients?.Select(id => "user:" + id).ToList())),
            cancellationToken);
        LogStarted(logger, broadcast.Id, request.Subject);
        return broadcast;
    }

    /// <summary>Indexes a broadcast whose cards are about a subject, at its launch; a no-op for notices.</summary>
    public async Task IndexAsync(Broadcast broadcast, CancellationToken cancellationToken)
    {
        if (broadcast.Content is { } content && contents.SubjectOf(content) is { } subject)
        {
            await broadcasts.IndexSubjectAsync(subject, broadcast.Id, cancellationToken);
        }
    }

    /// <summary>The cards to update: each delivery sent (with its activity id) or being sent by a broadcast about the subject.</summary>
    public async Task<IReadOnlyList<(DeliveryRecord Sent, SentCard Card)>> SentCardsAsync(CardUpdate update, CancellationToken cancellationToken)
    {
        var cards = new List<(DeliveryRecord, SentCard)>();
        foreach (var id in await broadcasts.BroadcastsAboutAsync(update.Subject, cancellationToken))
        {
            if ((await broadcasts.GetAsync(id, cancellationToken))?.Value is not { Content: { } content } source || contents.SubjectOf(content) != update.Subject)
            {
                continue;
            }

            foreach (var delivery in await broadcasts.ListDeliveriesAsync(id, cancellationToken))
            {
                if (update.OnlyRecipientKeys is not null && !update.OnlyRecipientKeys.Contains(delivery.RecipientKey, StringComparer.OrdinalIgnoreCase))
                {
                    continue;
                }

                // A delivery still pending draws its card after the change; one being sent may have drawn it before.
                if (delivery is { Status: DeliveryStatus.Sent, ActivityId: { } activityId })
                {
                    cards.Add((delivery, new SentCard(source.Id, delivery.RecipientKey, activityId, content)));
                }
                else if (delivery.Status is DeliveryStatus.Sending or DeliveryStatus.Retrying)
                {
                    cards.Add((delivery, new SentCard(source.Id, delivery.RecipientKey, null, content)));
                }
            }
        }

        return cards;
    }

    /// <summary>A card's delivery key in the update: one per recipient and per broadcast that sent them a card.</summary>
    public static string KeyOf(SentCard card) => card.RecipientKey + "|" + card.BroadcastId;

    private static string IdOf(string key) => "upd" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..40];

    [LoggerMessage(Level = LogLevel.Information, Message = "Card update {BroadcastId} of {Subject} started")]
    private static partial void LogStarted(ILogger logger, string broadcastId, string subject);
}
