using System.Text.Json;
using BepBot.Cards;
using BepBot.Chat;
using Microsoft.Extensions.Localization;

namespace BepBot.Features.Labs;

/// <summary>`supprimer mes données` (and the button of `mes données`): a confirmation card first.</summary>
public sealed class AskToEraseMyData(CardCatalog cards, IStringLocalizer<LabsTexts> texts) : ICommandHandler, ICardActionHandler
{
    public Task<Reply> HandleAsync(ChatTurn turn, string arguments, CancellationToken cancellationToken) => Task.FromResult(Card());

    public Task<Reply> HandleAsync(ChatTurn turn, JsonElement data, CancellationToken cancellationToken) => Task.FromResult(Card());

    private Reply Card() => Reply.WithCard(cards.Render("labs/erase-confirm", new
    {
        Title = texts["Erase_Title"].Value,
        Question = texts["Erase_Question"].Value,
        ConfirmTitle = texts["Erase_Confirm"].Value,
        KeepTitle = texts["Erase_Keep"].Value,
    }), texts["Erase_Title"]);
}
