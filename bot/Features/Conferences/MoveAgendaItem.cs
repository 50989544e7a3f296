using System.Text.Json;
using BepBot.Chat;

namespace BepBot.Features.Conferences;

/// <summary>`conferences.moveItem`: staff move an item up or down.</summary>
public sealed class MoveAgendaItem(ChangeAgenda change) : ICardActionHandler
{
    public Task<Reply> HandleAsync(ChatTurn turn, JsonElement data, CancellationToken cancellationToken)
    {
        var move = CardData.Read<AgendaMoveData>(data);
        if (move.Direction is not ("up" or "down"))
        {
            throw new InvalidCardDataException($"Unknown direction '{move.Direction}'.");
        }

        return change.ApplyAsync(turn, move.SessionId, move.Item, move.Direction, cancellationToken);
    }
}
