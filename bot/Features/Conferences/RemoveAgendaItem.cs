using System.Text.Json;
using BepBot.Chat;

namespace BepBot.Features.Conferences;

/// <summary>`conferences.removeItem`: staff remove an item.</summary>
public sealed class RemoveAgendaItem(ChangeAgenda change) : ICardActionHandler
{
    public Task<Reply> HandleAsync(ChatTurn turn, JsonElement data, CancellationToken cancellationToken)
    {
        var remove = CardData.Read<AgendaItemRef>(data);
        return change.ApplyAsync(turn, remove.SessionId, remove.Item, null, cancellationToken);
    }
}
