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
