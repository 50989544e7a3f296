using System.Text.Json;
using BepBot.Cards;
using BepBot.Chat;
using BepBot.Infrastructure.Scheduling;
using BepBot.Platform.Delivery;
using Microsoft.Extensions.Localization;

namespace BepBot.Features.Broadcasts;

/// <summary>
/// `broadcasts.send`: the author confirms the draft. The launch is a scheduler job (due now, or at the chosen
/// time), so it survives a restart and runs once even with several bot instances.
/// </summary>
public sealed class SendBroadcast(
    BroadcastStore broadcasts,
    DeliveryCards deliveryCards,
    JobBook jobs,
    TimeProvider clock,
    IStringLocalizer<BroadcastsTexts> texts) : ICardActionHandler
{
    public async Task<Reply> HandleAsync(ChatTurn turn, JsonElement data, CancellationToken cancellationToken)
    {
        var id = CardData.Read<DraftData>(data).DraftId;
        var now = clock.GetUtcNow();
        string? refusal = null;
        var confirmed = await broadcasts.ChangeAsync(
            id,
            current =>
            {
                refusal = current switch
                {
                    { AuthorAadObjectId: var author } when author != turn.User.AadObjectId => texts["Broadcast_NotYourDraft"].Value,
                    { State: not BroadcastState.Draft } => texts["Broadcast_AlreadySent"].Value,
                    { ScheduledFor: { } at } when at <= now => texts["Broadcast_ErrorSendTimePassed"].Value,
                    _ => null,
                };
                return refusal is null ? current with { State = BroadcastState.Scheduled } : null;
            },
            cancellationToken);
        if (confirmed is null)
        {
            return Reply.WithText(texts["Broadcast_DraftGone"]);
        }

        if (refusal is not null)
        {
            return Reply.WithText(refusal);
        }

        await jobs.ScheduleAsync(LaunchBroadcastJob.JobKind, LaunchBroadcastJob.JobIdOf(confirmed.Id), confirmed.ScheduledFor ?? now, confirmed.Id, cancellationToken);
        return Reply.UpdatingCard(deliveryCards.Status(confirmed, [], turn.Culture));
    }
}

public sealed record BroadcastIdData(string BroadcastId);

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

/// <summary>`diffusions`: scheduled, running and recent broadcasts, with cancel and report buttons.</summary>
public sealed class ListBroadcasts(BroadcastStore broadcasts, BroadcastCards broadcastCards, IStringLocalizer<BroadcastsTexts> texts) : ICommandHandler
{
    private const int Shown = 15;

    public async Task<Reply> HandleAsync(ChatTurn turn, string arguments, CancellationToken cancellationToken)
    {
        var all = new List<Broadcast>();
        await foreach (var broadcast in broadcasts.ListAsync(cancellationToken))
        {
            if (broadcast.State is not (BroadcastState.Draft or BroadcastState.Cancelled))
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
