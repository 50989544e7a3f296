using BepBot.Infrastructure.Storage;

namespace BepBot.Chat;

/// <summary>Sends a message into a saved conversation, outside of any user turn (broadcasts, reminders).</summary>
public interface IProactiveMessenger
{
    /// <returns>The id Teams gave the sent activity.</returns>
    /// <exception cref="ProactiveSendException">Teams refused or failed the request.</exception>
    Task<string?> SendAsync(SavedConversation conversation, OutgoingMessage message, CancellationToken cancellationToken = default);

    /// <summary>Replaces a message the bot sent earlier (a status card that updates itself).</summary>
    /// <exception cref="ProactiveSendException">Teams refused or failed the request.</exception>
    Task UpdateAsync(SavedConversation conversation, string activityId, OutgoingMessage message, CancellationToken cancellationToken = default);
}
