using BepBot.Chat;
using BepBot.Platform.Delivery;
using Microsoft.Extensions.Localization;

namespace BepBot.Features.Broadcasts;

/// <summary>`diffusions`: scheduled, running and recent broadcasts, with cancel and report buttons.</summary>
public sealed class ListBroadcasts(BroadcastStore broadcasts, BroadcastCards broadcastCards, IStringLocalizer<BroadcastsTexts> texts) : ICommandHandler
{
    private const int Shown = 15;

    public async Task<Reply> HandleAsync(ChatTurn turn, string arguments, CancellationToken cancellationToken)
    {
        var all = new List<Broadcast>();
        await foreach (var broadcast in broadcasts.ListAsync(cancellationToken))
        {
            // An update that found no card to update did nothing worth listing.
            if (broadcast.State is not (BroadcastState.Draft or BroadcastState.Cancelled) && (broadcast.Updates is null || broadcast.RecipientCount > 0))
            {
                all.Add(broadcast);
            }
        }

        var shown = all
            .OrderBy(broadcast => broadcast.State == BroadcastState.Completed)
            .ThenByDescending(broadcast => broadcast.ScheduledFor ?? broadcast.StartedAt ?? broadcast.CreatedAt)
            .Take(Shown)
            .ToList();
        return Reply.WithCard(broadcastCards.List(shown, turn.Culture), texts["Broadcast_ListTitle"]);
    }
}
