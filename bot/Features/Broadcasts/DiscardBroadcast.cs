using System.Text.Json;
using BepBot.Chat;
using BepBot.Platform.Delivery;
using Microsoft.Extensions.Localization;

namespace BepBot.Features.Broadcasts;

/// <summary>`broadcasts.discard`: the draft is dropped; nothing was sent.</summary>
public sealed class DiscardBroadcast(BroadcastStore broadcasts, BroadcastCards broadcastCards, IStringLocalizer<BroadcastsTexts> texts) : ICardActionHandler
{
    public async Task<Reply> HandleAsync(ChatTurn turn, JsonElement data, CancellationToken cancellationToken)
    {
        var id = CardData.Read<DraftData>(data).DraftId;
        var changed = await broadcasts.ChangeAsync(
            id,
            current => current.State == BroadcastState.Draft && current.AuthorAadObjectId == turn.User.AadObjectId ? current with { State = BroadcastState.Cancelled } : null,
            cancellationToken);
        return changed?.State == BroadcastState.Cancelled
            ? Reply.UpdatingCard(broadcastCards.Confirmation(texts["Broadcast_DiscardedTitle"], texts["Broadcast_Discarded"]))
            : Reply.WithText(texts["Broadcast_DraftGone"]);
    }
}
