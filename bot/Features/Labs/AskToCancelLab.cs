using System.Text.Json;
using BepBot.Cards;
using BepBot.Chat;
using Microsoft.Extensions.Localization;

namespace BepBot.Features.Labs;

/// <summary>`labs.askcancel`: asks staff to confirm before a lab is cancelled.</summary>
public sealed class AskToCancelLab(LabBook book, CardCatalog cards, IStringLocalizer<LabsTexts> texts) : ICardActionHandler
{
    public async Task<Reply> HandleAsync(ChatTurn turn, JsonElement data, CancellationToken cancellationToken)
    {
        var lab = await book.FindAsync(CardData.Read<LabIdData>(data, turn.CardInputs).LabId, cancellationToken);
        if (lab is null || lab.State == LabState.Cancelled)
        {
            return Reply.WithText(texts[lab is null ? "Lab_Unknown" : "Refusal_Cancelled"]);
        }

        return Reply.WithCard(cards.Render("labs/cancel-confirm", new
        {
            Title = texts["CancelLab_Title"].Value,
            Question = texts["CancelLab_Question", CardText.EscapeMarkdown(lab.Details.Title), lab.Registrations.Count(registration => registration.IsActive)].Value,
            LabId = lab.Id,
            ConfirmTitle = texts["CancelLab_Confirm"].Value,
            KeepTitle = texts["CancelLab_Keep"].Value,
        }));
    }
}
