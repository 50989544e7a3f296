namespace BepBot.Chat;

/// <summary>
/// The feature that takes files sent to the bot (at most one is registered). It is asked before any command
/// matching, and checks the sender's role itself.
/// </summary>
public interface IFileMessageHandler
{
    Task<Reply> HandleAsync(ChatTurn turn, IReadOnlyList<ChatAttachment> files, CancellationToken cancellationToken);
}
