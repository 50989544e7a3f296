using System.Text.Json;

namespace BepBot.Chat;

/// <summary>A text command (e.g. `aide`), resolved from DI for each turn.</summary>
public interface ICommandHandler
{
    /// <param name="arguments">What the user typed after the command phrase, trimmed (may be empty).</param>
    Task<Reply> HandleAsync(ChatTurn turn, string arguments, CancellationToken cancellationToken);
}
