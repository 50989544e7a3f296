using System.Text.Json;

namespace BepBot.Chat;

/// <summary>A text command (e.g. `aide`), resolved from DI for each turn.</summary>
public interface ICommandHandler
{
    /// <param name="arguments">What the user typed after the command phrase, trimmed (may be empty).</param>
    Task<Reply> HandleAsync(ChatTurn turn, string arguments, CancellationToken cancellationToken);
}

/// <summary>An Action.Execute verb (e.g. `votes.cast`). <paramref name="data"/> is untrusted: validate it against the store.</summary>
public interface ICardActionHandler
{
    Task<Reply> HandleAsync(ChatTurn turn, JsonElement data, CancellationToken cancellationToken);
}
