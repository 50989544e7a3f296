namespace BepBot.Chat;

/// <summary>
/// Posts into a saved conversation outside any user turn; the Teams edge implements it and classifies Teams' answer.
/// It does not pace: everything proactive goes through the delivery platform's ProactiveSender, which does.
/// </summary>
public interface IProactiveMessenger
{
    Task<ProactiveOutcome> SendAsync(SavedConversation conversation, OutgoingMessage message, CancellationToken cancellationToken = default);

    /// <summary>Replaces a message the bot sent earlier (a status card that updates itself).</summary>
    Task<ProactiveOutcome> UpdateAsync(SavedConversation conversation, string activityId, OutgoingMessage message, CancellationToken cancellationToken = default);
}
