using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using BepBot.Cards;
using BepBot.Chat;
using BepBot.Chat.Flows;
using BepBot.Infrastructure.Text;
using Microsoft.Extensions.Localization;

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
