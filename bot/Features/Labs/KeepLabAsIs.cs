using System.Text.Json;
using BepBot.Cards;
using BepBot.Chat;
using Microsoft.Extensions.Localization;

namespace BepBot.Features.Labs;

/// <summary>`labs.keep`: the "keep it" button of a confirmation card: nothing changes, and the card says so.</summary>
public sealed class KeepLabAsIs(CardCatalog cards, IStringLocalizer<LabsTexts> texts) : ICardActionHandler
{
    public Task<Reply> HandleAsync(ChatTurn turn, JsonElement data, CancellationToken cancellationToken) =>
        Task.FromResult(Reply.UpdatingCard(cards.Render("common/confirmation", new
        {
            Title = texts["Kept_Title"].Value,
            Message = texts["Kept_Message"].Value,
            Details = Array.Empty<object>(),
        })));
}
