using System.Text.Json;
using BepBot.Cards;
using BepBot.Chat;
using Microsoft.Extensions.Localization;

namespace BepBot.Features.Roster;

/// <summary>`roster.keep`: the Annuler button of the confirmation card; the card says nothing changed.</summary>
public sealed class KeepRosterMember(CardCatalog cards, IStringLocalizer<RosterTexts> texts) : ICardActionHandler
{
    public Task<Reply> HandleAsync(ChatTurn turn, JsonElement data, CancellationToken cancellationToken) =>
        Task.FromResult(Reply.UpdatingCard(cards.Render("common/confirmation", new
        {
            Title = texts["RosterRemove_KeptTitle"].Value,
            Message = texts["RosterRemove_Kept"].Value,
            Details = Array.Empty<object>(),
        })));
}
