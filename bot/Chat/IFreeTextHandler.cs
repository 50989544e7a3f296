namespace BepBot.Chat;

/// <summary>
/// A feature that can answer free text no command matched (a question about the project register). Asked in
/// registration order before the fallback; returns null when the text is not for it.
/// </summary>
public interface IFreeTextHandler
{
    Task<Reply?> TryAnswerAsync(ChatTurn turn, string text, CancellationToken cancellationToken);
}
