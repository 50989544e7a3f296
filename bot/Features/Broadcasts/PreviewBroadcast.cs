using System.Globalization;
using System.Text.Json;
using BepBot.Chat;
using BepBot.Infrastructure.Time;
using BepBot.Platform.Delivery;
using BepBot.Platform.Territory;
using Microsoft.Extensions.Localization;

namespace BepBot.Features.Broadcasts;

/// <summary>
/// `broadcasts.preview`: checks the form, saves it as a draft, turns the compose card into the confirmation card
/// and shows the announcement below exactly as recipients will see it.
/// </summary>
public sealed class PreviewBroadcast(
    ComposeCard compose,
    BroadcastCards broadcastCards,
    DeliveryCards deliveryCards,
    BroadcastStore broadcasts,
    AudienceResolver audiences,
    ConversationDirectory conversations,
    TimeProvider clock,
    IStringLocalizer<BroadcastsTexts> texts) : ICardActionHandler
{
    public const int MaxTitleLength = 120;
    public const int MaxMessageLength = 4000;

    public async Task<Reply> HandleAsync(ChatTurn turn, JsonElement data, CancellationToken cancellationToken)
    {
        var form = CardData.Read<ComposeData>(data);
        var (audience, scheduledFor, error) = Validate(form);
        if (error is not null)
        {
            return Reply.UpdatingCard(await compose.BuildAsync(form, error, cancellationToken));
        }

        var recipients = await audiences.ResolveAsync(audience!, cancellationToken);
        if (recipients.Count == 0)
        {
            return Reply.UpdatingCard(await compose.BuildAsync(form, texts["Broadcast_ErrorNobody"], cancellationToken));
        }

        var existing = form.DraftId is { Length: > 0 } draftId ? await broadcasts.GetAsync(draftId, cancellationToken) : null;
        var draft = new Broadcast(
            existing?.Value.State == BroadcastState.Draft && existing.Value.AuthorAadObjectId == turn.User.AadObjectId ? existing.Value.Id : BroadcastStore.NewId(),
            form.Title!.Trim(),
            form.Message!.Trim(),
            audience!,
            turn.User.AadObjectId,
            turn.User.Name,
            clock.GetUtcNow(),
            scheduledFor,
            BroadcastState.Draft,
            await AuthorConversationAsync(turn, cancellationToken));
        if (existing?.Value.Id == draft.Id)
        {
            await broadcasts.ChangeAsync(draft.Id, current => current.State == BroadcastState.Draft ? draft : null, cancellationToken);
        }
        else
        {
            await broadcasts.CreateAsync(draft, cancellationToken);
        }

        var controls = broadcastCards.Preview(draft, recipients, turn.Culture);
        var preview = deliveryCards.Announcement(draft, turn.Culture);
        return new Reply([new OutgoingMessage(texts["Broadcast_PreviewSummary"], preview)], controls);
    }

    private (Audience? Audience, DateTimeOffset? ScheduledFor, string? Error) Validate(ComposeData form)
    {
        var title = form.Title?.Trim() ?? string.Empty;
        var message = form.Message?.Trim() ?? string.Empty;
        if (title.Length is 0 or > MaxTitleLength)
        {
            return (null, null, texts["Broadcast_ErrorTitle"]);
        }

        if (message.Length is 0 or > MaxMessageLength)
        {
            return (null, null, texts["Broadcast_ErrorMessage"]);
        }

        if (form.Audience is null || !ComposeCard.AudienceIds.TryGetValue(form.Audience, out var kind))
        {
            return (null, null, texts["Broadcast_ErrorAudience"]);
        }

        Audience audience;
        switch (kind)
        {
            case AudienceKind.BassinBourgmestres:
                var bassin = TerritoryMap.FindBassin(form.Bassin);
                if (bassin is null)
                {
                    return (null, null, texts["Broadcast_ErrorBassin"]);
                }

                audience = new Audience(kind, Bassin: bassin.Id);
                break;
            case AudienceKind.CommuneOfficers:
                var commune = TerritoryMap.FindCommune(form.Commune);
                if (commune is null)
                {
                    return (null, null, texts["Broadcast_ErrorCommune"]);
                }

                audience = new Audience(kind, Commune: commune.Name);
                break;
            case AudienceKind.Channel:
                if (string.IsNullOrWhiteSpace(form.Channel))
                {
                    return (null, null, texts["Broadcast_ErrorChannel"]);
                }

                audience = new Audience(kind, ChannelConversationId: form.Channel);
                break;
            default:
                audience = new Audience(kind);
                break;
        }

        var hasDate = !string.IsNullOrWhiteSpace(form.SendDate);
        var hasTime = !string.IsNullOrWhiteSpace(form.SendTime);
        if (!hasDate && !hasTime)
        {
            return (audience, null, null);
        }

        if (!hasDate || !hasTime
            || !DateOnly.TryParseExact(form.SendDate, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            || !TimeOnly.TryParseExact(form.SendTime, ["HH:mm", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
        {
            return (null, null, texts["Broadcast_ErrorSendTime"]);
        }

        var local = date.ToDateTime(time);
        var sendAt = new DateTimeOffset(local, BelgianTime.Zone.GetUtcOffset(local));
        var now = clock.GetUtcNow();
        if (sendAt <= now.AddMinutes(1) || sendAt > now.AddDays(180))
        {
            return (null, null, texts["Broadcast_ErrorSendTimeRange"]);
        }

        return (audience, sendAt, null);
    }

    private async Task<SavedConversation?> AuthorConversationAsync(ChatTurn turn, CancellationToken cancellationToken) =>
        turn.Conversation.Kind == ConversationKind.Personal
            ? await conversations.FindPersonalAsync(turn.User.AadObjectId, cancellationToken)
            : await conversations.FindSharedAsync(turn.Conversation.Id, cancellationToken);
}
