using System.Text.Json;
using BepBot.Chat;
using BepBot.Infrastructure.Scheduling;
using BepBot.Platform.Delivery;
using Microsoft.Extensions.Localization;

namespace BepBot.Features.Broadcasts;

/// <summary>
/// `broadcasts.send`: the author confirms the draft. The launch is a scheduler job (due now, or at the chosen
/// time), so it survives a restart and runs once even with several bot instances. The clicked card turns into the
/// broadcast's status card and stays the one the launch and its progress update.
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
                // The card clicked becomes the live status card, in place, when it is in the conversation the status goes to.
                var statusCard = current.AuthorConversation?.ConversationId == turn.Conversation.Id ? turn.CardActivityId : null;
                return refusal is null ? current with { State = BroadcastState.Scheduled, StatusActivityId = current.StatusActivityId ?? statusCard } : null;
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
