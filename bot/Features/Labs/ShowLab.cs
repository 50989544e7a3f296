using System.Text.Json;
using BepBot.Chat;
using Microsoft.Extensions.Localization;

namespace BepBot.Features.Labs;

/// <summary>`labs.show`: one lab in detail, with the person's standing and what they may do.</summary>
public sealed class ShowLab(LabBook book, LabCards labCards, IStringLocalizer<LabsTexts> texts) : ICardActionHandler
{
    public async Task<Reply> HandleAsync(ChatTurn turn, JsonElement data, CancellationToken cancellationToken)
    {
        var lab = await book.FindAsync(CardData.Read<LabIdData>(data, turn.CardInputs).LabId, cancellationToken);
        if (lab is null || (turn.User.Role != Role.BepStaff && !lab.Admits(turn.User.Role)))
        {
            return Reply.WithText(texts["Lab_Unknown"]);
        }

        return Reply.WithCard(await labCards.LabCardAsync(lab, turn.User, null, cancellationToken), lab.Details.Title);
    }
}
