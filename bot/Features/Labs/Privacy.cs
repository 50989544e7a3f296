using System.Text.Json;
using BepBot.Cards;
using BepBot.Chat;
using BepBot.Infrastructure.Time;
using Microsoft.Extensions.Localization;

namespace BepBot.Features.Labs;

/// <summary>`mes données`: what the bot holds about the person: their roster entry, their registrations, their attendance.</summary>
public sealed class ShowMyData(LabBook book, LabCards labCards, CardCatalog cards, IStringLocalizer<LabsTexts> texts) : ICommandHandler
{
    public async Task<Reply> HandleAsync(ChatTurn turn, string arguments, CancellationToken cancellationToken)
    {
        var member = turn.User.Member;
        var culture = turn.Culture;
        var registrations = (await book.ListAsync(cancellationToken))
            .SelectMany(lab => lab.Registrations
                .Where(registration => registration.Status != SeatStatus.Dropped && string.Equals(registration.AadObjectId, turn.User.AadObjectId, StringComparison.OrdinalIgnoreCase))
                .Select(registration => new
                {
                    Title = CardText.EscapeMarkdown(lab.Details.Title),
                    When = BelgianTime.FormatDateTime(lab.Details.StartsAt, culture),
                    Status = registration.IsActive ? labCards.StandingText(lab, lab.StandingOf(registration.AadObjectId)) : texts["Data_StatusCancelled"].Value,
                    Received = texts["Data_Received", BelgianTime.FormatDateTime(registration.ReceivedAt, culture)].Value,
                    Attendance = registration.Attended switch
                    {
                        true => texts["Attendance_Present"].Value,
                        false => texts["Attendance_Absent"].Value,
                        null => texts["Data_NoAttendance"].Value,
                    },
                }))
            .ToList();
        var facts = member is null
            ? [new CardFact(texts["Data_Roster"], texts["Data_NotInRoster"])]
            : new List<CardFact>
            {
                new(texts["Data_Name"], CardText.EscapeMarkdown(member.Name)),
                new(texts["Data_Email"], CardText.EscapeMarkdown(member.Email)),
                new(texts["Data_Role"], texts["Role_" + member.Role]),
                new(texts["Data_Commune"], member.Commune ?? "—"),
                new(texts["Data_AadObjectId"], member.AadObjectId),
            };
        return Reply.WithCard(cards.Render("labs/data", new
        {
            Title = texts["Data_Title"].Value,
            Intro = texts["Data_Intro"].Value,
            Facts = facts,
            HasRegistrations = registrations.Count > 0,
            RegistrationsTitle = texts["Data_RegistrationsTitle"].Value,
            Registrations = registrations,
            EmptyText = texts["Data_NoRegistrations"].Value,
            Footer = texts["Data_Footer"].Value,
            EraseTitle = texts["Button_EraseAsk"].Value,
        }), texts["Data_Title"]);
    }
}

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
