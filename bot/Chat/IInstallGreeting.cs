namespace BepBot.Chat;

/// <summary>What a person gets when the bot is installed in their chat, a group chat or a team (the Welcome feature answers).</summary>
public interface IInstallGreeting
{
    Task<Reply> GreetAsync(ChatUser user, ConversationKind kind, CancellationToken cancellationToken);
}
