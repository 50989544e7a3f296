using System.Text.Json.Nodes;
using BepBot.Cards;
using BepBot.Chat;
using Microsoft.Extensions.Localization;

namespace BepBot.Features.Labs;

/// <summary>`mes inscriptions`: the person's current registrations (seat or waiting place) with a cancel button each.</summary>
public sealed class ListMyRegistrations(LabBook book, LabCards labCards, CardCatalog cards, IStringLocalizer<LabsTexts> texts, TimeProvider clock) : ICommandHandler
{
    public async Task<Reply> HandleAsync(ChatTurn turn, string arguments, CancellationToken cancellationToken) =>
        Reply.WithCard(await CardAsync(turn, null, cancellationToken), texts["Mine_Title"]);

    public async Task<JsonObject> CardAsync(ChatTurn turn, string? notice, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var items = (await book.ListAsync(cancellationToken))
            .Where(lab => lab.State != LabState.Cancelled && lab.Details.EndsAt > now)
            .Select(lab => (Lab: lab, Standing: lab.StandingOf(turn.User.AadObjectId)))
            .Where(item => item.Standing is not null)
            .Select(item => new
            {
                LabId = item.Lab.Id,
                Title = CardText.EscapeMarkdown(item.Lab.Details.Title),
                When = labCards.When(item.Lab),
                Where = labCards.Where(item.Lab),
                Status = labCards.StandingText(item.Lab, item.Standing),
                CanCancel = labCards.CanCancelSelf(item.Lab, turn.User),
                CancelTitle = texts["Button_CancelMine"].Value,
                CancelTooltip = texts["Tooltip_CancelMine", item.Lab.Details.Title].Value,
                ClosedNote = labCards.CanCancelSelf(item.Lab, turn.User) ? string.Empty : texts["Mine_DeadlinePassed"].Value,
            })
            .ToList();
        return cards.Render("labs/mine", new
        {
            Title = texts["Mine_Title"].Value,
            Notice = notice ?? string.Empty,
            HasNotice = !string.IsNullOrEmpty(notice),
            HasItems = items.Count > 0,
            EmptyText = texts["Mine_Empty"].Value,
            Items = items,
        });
    }
}
