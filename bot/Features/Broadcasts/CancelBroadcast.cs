using System.Text.Json;
using BepBot.Cards;
using BepBot.Chat;
using BepBot.Infrastructure.Scheduling;
using BepBot.Platform.Delivery;
using Microsoft.Extensions.Localization;

namespace BepBot.Features.Broadcasts;

/// <summary>`broadcasts.cancel`: a scheduled broadcast that has not started is called off.</summary>
public sealed class CancelBroadcast(BroadcastStore broadcasts, DeliveryCards deliveryCards, JobBook jobs, IStringLocalizer<BroadcastsTexts> texts) : ICardActionHandler
{
    public async Task<Reply> HandleAsync(ChatTurn turn, JsonElement data, CancellationToken cancellationToken)
    {
        var id = CardData.Read<BroadcastIdData>(data).BroadcastId;
        var changed = await broadcasts.ChangeAsync(id, current => current.State == BroadcastState.Scheduled ? current with { State = BroadcastState.Cancelled } : null, cancellationToken);
        if (changed is null)
        {
            return Reply.WithText(texts["Broadcast_Unknown"]);
        }

        if (changed.State != BroadcastState.Cancelled)
        {
            return Reply.WithText(texts["Broadcast_TooLateToCancel"]);
        }

        await jobs.CancelAsync(LaunchBroadcastJob.JobIdOf(id), cancellationToken);
        return Reply.UpdatingCard(deliveryCards.Status(changed, [], turn.Culture)).Then(Reply.WithText(texts["Broadcast_Cancelled", CardText.EscapeMarkdown(changed.Title)]));
    }
}
