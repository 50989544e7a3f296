using System.Text.Json;

namespace BepBot.Chat;

/// <summary>An Action.Execute verb (e.g. `votes.cast`). <paramref name="data"/> is untrusted: validate it against the store.</summary>
public interface ICardActionHandler
{
    Task<Reply> HandleAsync(ChatTurn turn, JsonElement data, CancellationToken cancellationToken);
}
