using System.Text.Json;
using BepBot.Cards;
using BepBot.Chat;
using Microsoft.Extensions.Localization;

namespace BepBot.Features.Labs;

/// <summary>`labs.erase`: erases the person's registrations everywhere; freed seats go to the waiting list at once.</summary>
public sealed class EraseMyData(LabBook book, CardCatalog cards, IStringLocalizer<LabsTexts> texts, ILogger<EraseMyData> logger) : ICardActionHandler
{
    public async Task<Reply> HandleAsync(ChatTurn turn, JsonElement data, CancellationToken cancellationToken)
    {
        if (!CardData.Read<EraseData>(data).Confirm)
        {
            LabsLog.Refused(logger, "erase", null, turn.User.AadObjectId, "not confirmed");
            return Reply.WithText(texts["Erase_NotConfirmed"]);
        }

        var count = await book.EraseAsync(turn.User.AadObjectId, cancellationToken);
        return Reply.UpdatingCard(cards.Render("common/confirmation", new
        {
            Title = texts["Erase_DoneTitle"].Value,
            Message = texts["Erase_Done", count].Value,
            Details = Array.Empty<object>(),
        }));
    }
}
