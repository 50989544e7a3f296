using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using BepBot.Cards;
using BepBot.Chat;
using BepBot.Chat.Flows;
using BepBot.Infrastructure.Text;
using Microsoft.Extensions.Localization;

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
