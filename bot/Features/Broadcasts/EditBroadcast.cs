using System.Globalization;
using System.Text.Json;
using BepBot.Chat;
using BepBot.Infrastructure.Time;
using BepBot.Platform.Delivery;
using Microsoft.Extensions.Localization;

namespace BepBot.Features.Broadcasts;

/// <summary>`broadcasts.edit`: back to the compose card, filled with the draft.</summary>
public sealed class EditBroadcast(ComposeCard compose, BroadcastStore broadcasts, IStringLocalizer<BroadcastsTexts> texts) : ICardActionHandler
{
    public async Task<Reply> HandleAsync(ChatTurn turn, JsonElement data, CancellationToken cancellationToken)
    {
        var draft = (await broadcasts.GetAsync(CardData.Read<DraftData>(data).DraftId, cancellationToken))?.Value;
        if (draft is null || draft.State != BroadcastState.Draft || draft.AuthorAadObjectId != turn.User.AadObjectId)
        {
            return Reply.WithText(texts["Broadcast_DraftGone"]);
        }

        var local = draft.ScheduledFor is { } at ? BelgianTime.ToBrussels(at) : (DateTimeOffset?)null;
        return Reply.UpdatingCard(await compose.BuildAsync(
            new ComposeData(
                draft.Id,
                draft.Title,
                draft.Message,
                ComposeCard.IdOf(draft.Audience.Kind),
                draft.Audience.Bassin,
                draft.Audience.Commune,
                draft.Audience.ChannelConversationId,
                local?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                local?.ToString("HH:mm", CultureInfo.InvariantCulture)),
            error: null,
            cancellationToken));
    }
}
