using BepBot.Cards;
using BepBot.Chat;
using BepBot.Infrastructure.Text;
using Microsoft.Extensions.Localization;

namespace BepBot.Features.Labs;

/// <summary>`séminaires [thème]`: upcoming labs open to the person, with seats left and their own standing; for staff, every lab of the last 30 days on, and « Nouveau séminaire ».</summary>
public sealed class ListLabs(LabBook book, LabCards labCards, CardCatalog cards, IStringLocalizer<LabsTexts> texts, TimeProvider clock) : ICommandHandler
{
    /// <summary>Staff see the labs to come and those of the last 30 days (attendance, exports), cancelled ones included.</summary>
    public static bool ShownToStaff(Lab lab, DateTimeOffset now) => lab.Details.EndsAt > now.AddDays(-30);

    public async Task<Reply> HandleAsync(ChatTurn turn, string arguments, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var isStaff = turn.User.Role == Role.BepStaff;
        var filter = TextFolding.Fold(arguments);
        var labs = (await book.ListAsync(cancellationToken))
            .Where(lab => isStaff
                ? ShownToStaff(lab, now)
                : lab.State != LabState.Cancelled && lab.Details.EndsAt > now && lab.Admits(turn.User.Role))
            .Where(lab => filter.Length == 0
                || TextFolding.Fold(lab.Details.Theme).Contains(filter, StringComparison.Ordinal)
                || TextFolding.Fold(lab.Details.Title).Contains(filter, StringComparison.Ordinal))
            .ToList();
        var card = cards.Render("labs/catalog", new
        {
            Title = texts["Catalog_Title"].Value,
            Intro = filter.Length > 0 ? texts["Catalog_IntroFiltered", CardText.EscapeMarkdown(arguments)].Value
                : isStaff ? texts["Catalog_IntroStaff"].Value
                : texts["Catalog_Intro"].Value,
            HasLabs = labs.Count > 0,
            EmptyText = filter.Length == 0 ? texts["Catalog_Empty"].Value : texts["Catalog_EmptyFiltered", CardText.EscapeMarkdown(arguments)].Value,
            Labs = labs.Select(lab =>
            {
                var standing = lab.StandingOf(turn.User.AadObjectId);
                return new
                {
                    LabId = lab.Id,
                    Title = CardText.EscapeMarkdown(lab.Details.Title),
                    Theme = CardText.EscapeMarkdown(lab.Details.Theme),
                    When = labCards.When(lab),
                    Where = labCards.Where(lab),
                    Seats = lab.State == LabState.Open ? labCards.Seats(lab) : texts["State_" + lab.State].Value,
                    Status = labCards.StandingText(lab, standing),
                    HasStatus = standing is not null,
                    CanRegister = standing is null && labCards.SelfServiceOpen(lab, turn.User) && lab.Admits(turn.User.Role),
                    RegisterTitle = texts["Button_Register"].Value,
                    RegisterTooltip = texts["Tooltip_Register", lab.Details.Title].Value,
                    DetailsTitle = texts["Button_Details"].Value,
                    DetailsTooltip = texts["Tooltip_Details", lab.Details.Title].Value,
                    IsStaff = isStaff,
                    ManageTitle = texts["Button_Manage"].Value,
                    ManageTooltip = texts["Tooltip_Manage", lab.Details.Title].Value,
                };
            }).ToList(),
            NewLabTitle = isStaff ? texts["Create_Title"].Value : string.Empty,
        });
        return Reply.WithCard(card, texts["Catalog_Title"]);
    }
}
