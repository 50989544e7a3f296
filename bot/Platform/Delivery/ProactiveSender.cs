using BepBot.Chat;

namespace BepBot.Platform.Delivery;

/// <summary>
/// The one way the bot posts outside a user turn: broadcast deliveries, the author's status card, notices to one
/// person. Every call takes its turn from the one <see cref="ProactivePacer"/>, and an answer that names a delay
/// (Teams' Retry-After) pauses all proactive traffic for that long. Waiting for a turn can be cancelled; a call on the
/// wire cannot, so its outcome is always known.
/// </summary>
public sealed class ProactiveSender(IProactiveMessenger messenger, ProactivePacer pacer, TimeProvider clock)
{
    public async Task<ProactiveOutcome> SendAsync(SavedConversation conversation, OutgoingMessage message, CancellationToken cancellationToken = default)
    {
        return await ObserveAsync(await pacer.PaceAsync(() => messenger.SendAsync(conversation, message, CancellationToken.None), cancellationToken));
    }

    /// <summary>
    /// A scheduled job's message to one person: the outcome when it is final (sent, or refused for good: the app
    /// removed, the chat gone), and <see cref="NotSentException"/> when Teams asks to wait, so that the job runs again.
    /// </summary>
    public async Task<ProactiveOutcome> SendForJobAsync(SavedConversation conversation, OutgoingMessage message, CancellationToken cancellationToken = default)
    {
        var outcome = await SendAsync(conversation, message, cancellationToken);
        return outcome is ProactiveOutcome.RetryAfter ? throw new NotSentException(outcome) : outcome;
    }

    public async Task<ProactiveOutcome> UpdateAsync(SavedConversation conversation, string activityId, OutgoingMessage message, CancellationToken cancellationToken = default)
    {
        return await ObserveAsync(await pacer.PaceAsync(() => messenger.UpdateAsync(conversation, activityId, message, CancellationToken.None), cancellationToken));
    }

    private async Task<ProactiveOutcome> ObserveAsync(ProactiveOutcome outcome)
    {
        if (outcome is ProactiveOutcome.RetryAfter { Delay: { } delay })
        {
            await pacer.PauseUntilAsync(clock.GetUtcNow() + delay, CancellationToken.None);
        }

        return outcome;
    }
}
