using BepBot.Chat;
using BepBot.Platform.Delivery;
using Microsoft.Extensions.Localization;

namespace BepBot.Features.Broadcasts;

/// <summary>`diffusions`: scheduled, running and recent broadcasts, with cancel and report buttons.</summary>
public sealed class ListBroadcasts(BroadcastStore broadcasts, BroadcastCards broadcastCards, IStringLocalizer<BroadcastsTexts> texts) : ICommandHandler
{
    private const int Shown = 15;

    /// <summary>What staff list (here and in the dashboard tab): running and scheduled first, then the latest finished.</summary>
    public static List<Broadcast> Listed(IEnumerable<Broadcast> broadcasts) =>
        [.. broadcasts
            // An update that found no card to update did nothing worth listing.
            .Where(broadcast => broadcast.State is not (BroadcastState.Draft or BroadcastState.Cancelled) && (broadcast.Updates is null || broadcast.RecipientCount > 0))
            .OrderBy(broadcast => broadcast.State == BroadcastState.Completed)
            .ThenByDescending(broadcast => broadcast.ScheduledFor ?? broadcast.StartedAt ?? broadcast.CreatedAt)];

    public async Task<Reply> HandleAsync(ChatTurn turn, string arguments, CancellationToken cancellationToken)
    {
        var all = new List<Broadcast>();
        await foreach (var broadcast in broadcasts.ListAsync(cancellationToken))
        {
            all.Add(broadcast);
        }

        var shown = Listed(all).Take(Shown).ToList();
        return Reply.WithCard(broadcastCards.List(shown, turn.Culture), texts["Broadcast_ListTitle"]);
    }
}
