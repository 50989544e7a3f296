using System.Text.Json;
using BepBot.Cards;
using BepBot.Chat;
using BepBot.Infrastructure.Telemetry;
using Microsoft.Extensions.Localization;

namespace BepBot.Features.Labs;

/// <summary>
/// `labs.ics`: « Ajouter à mon agenda » makes a fresh link to the lab's .ics at the click, so that the button of a
/// card read weeks later still works (a link made when the card was sent would have expired). Only for a confirmed
/// seat, or staff; a cancelled lab's file says CANCELLED, so that calendars that imported it drop the event.
/// </summary>
public sealed partial class DownloadLabIcs(
    LabBook book,
    LabCards labCards,
    LabCalendar calendar,
    LinkValidity validity,
    IStringLocalizer<LabsTexts> texts,
    ILogger<DownloadLabIcs> logger) : ICardActionHandler
{
    public async Task<Reply> HandleAsync(ChatTurn turn, JsonElement data, CancellationToken cancellationToken)
    {
        var labId = CardData.Read<LabIdData>(data).LabId;
        var lab = await book.FindAsync(labId, cancellationToken);
        if (lab is null || (turn.User.Role != Role.BepStaff && !lab.Admits(turn.User.Role)))
        {
            LogRefused(logger, labId, turn.User.AadObjectId, "unknown lab");
            return Reply.WithText(texts["Lab_Unknown"]);
        }

        var standing = lab.StandingOf(turn.User.AadObjectId);
        var mayHaveIt = turn.User.Role == Role.BepStaff
            || standing?.Registration.Status == SeatStatus.Confirmed
            || (lab.State == LabState.Cancelled && standing is not null);
        if (!mayHaveIt)
        {
            LogRefused(logger, lab.Id, turn.User.AadObjectId, "no confirmed seat");
            return Reply.WithText(texts["Ics_NotConfirmed"]);
        }

        var link = await calendar.LinkAsync(lab, cancellationToken);
        var title = texts["Ics_Title", CardText.EscapeMarkdown(lab.Details.Title)].Value;
        return Reply.WithCard(labCards.Notice(lab, title, texts["Ics_Message", validity.Of(link)], withCalendar: false, link), title);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Lab calendar file for {LabId} refused to {User}: {Reason}")]
    private static partial void LogRefused(ILogger logger, string labId, [PseudonymousId] string user, string reason);
}
