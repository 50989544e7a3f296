using BepBot.Cards;
using BepBot.Chat;
using BepBot.Infrastructure.Telemetry;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace BepBot.Platform.Delivery;

/// <summary>
/// Replaces a « pris en compte » card with what the click's work answered: its card, or, when it answered in words
/// only (a refusal), a card saying so. A work that failed leaves a card that says nothing was recorded and to try again.
/// The update is paced and retried like every proactive call.
/// </summary>
public sealed partial class LateReplies(
    ProactiveSender sender,
    CardCatalog cards,
    IStringLocalizer<ChatTexts> texts,
    TimeProvider clock,
    IOptions<BroadcastOptions> options,
    ILogger<LateReplies> logger) : ILateReplies
{
    public async Task<bool> DeliverWhenDoneAsync(SavedConversation conversation, string? cardActivityId, Task<Reply> work)
    {
        Reply reply;
        var succeeded = true;
        try
        {
            reply = await work;
        }
        catch (Exception ex)
        {
            LogWorkFailed(logger, ex, conversation.ConversationId);
            reply = Reply.WithText(texts["Late_Failed"]);
            succeeded = false;
        }

        var words = reply.Messages.FirstOrDefault(message => message.Card is null && !string.IsNullOrEmpty(message.Text));
        var card = reply.CardUpdate
            ?? cards.Render("common/error", new { Title = texts["Late_FailedTitle"].Value, Message = words?.Text ?? texts["Late_Failed"].Value });
        var others = reply.CardUpdate is null ? reply.Messages.Where(message => message != words) : reply.Messages;
        try
        {
            // Teams names the clicked message (replyToId); a client that does not gets the card as a message of its own.
            await DeliverAsync(token => cardActivityId is null
                ? sender.SendAsync(conversation, new OutgoingMessage(null, card), token)
                : sender.UpdateAsync(conversation, cardActivityId, new OutgoingMessage(null, card), token));

            foreach (var message in others)
            {
                await DeliverAsync(token => sender.SendAsync(conversation, message, token));
            }
        }
        catch (Exception ex)
        {
            // What the work recorded stands; the card shows it when it next comes into view (its refresh).
            LogNotDelivered(logger, ex, conversation.ConversationId);
        }

        return succeeded;
    }

    private async Task DeliverAsync(Func<CancellationToken, Task<ProactiveOutcome>> call)
    {
        var outcome = await ProactiveRetry.Pipeline(clock, options.Value).ExecuteAsync(async token => await call(token), CancellationToken.None);
        if (outcome is not ProactiveOutcome.Sent)
        {
            LogRefused(logger, outcome);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "A click answered « pris en compte » in {ConversationId} failed in its work; its card now says nothing was recorded")]
    private static partial void LogWorkFailed(ILogger logger, Exception exception, [PseudonymousId] string conversationId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The card of a click answered « pris en compte » in {ConversationId} could not be updated")]
    private static partial void LogNotDelivered(ILogger logger, Exception exception, [PseudonymousId] string conversationId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Teams refused the late reply of a click: {Outcome}")]
    private static partial void LogRefused(ILogger logger, ProactiveOutcome outcome);
}
