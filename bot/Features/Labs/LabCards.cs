using System.Text.Json.Nodes;
using BepBot.Cards;
using BepBot.Chat;
using BepBot.Infrastructure.Exports;
using BepBot.Infrastructure.Time;
using Microsoft.Extensions.Localization;

namespace BepBot.Features.Labs;

/// <summary>How a lab reads in every card and message: facts, a person's standing, the lab card itself.</summary>
public sealed class LabCards(CardCatalog cards, IStringLocalizer<LabsTexts> texts, TimeProvider clock)
{
    /// <summary>Refreshes a seminar card for whoever looks at it: seats, their registration and waiting position, « annulé ».</summary>
    public const string RefreshVerb = "labs.refresh";

    public IStringLocalizer<LabsTexts> Texts => texts;

    public string When(Lab lab)
    {
        var culture = System.Globalization.CultureInfo.CurrentUICulture;
        return texts["Lab_When", BelgianTime.FormatDateTime(lab.Details.StartsAt, culture), BelgianTime.FormatTime(lab.Details.EndsAt, culture)];
    }

    /// <param name="markdown">False for plain text (the dashboard tab), where typed values show as typed.</param>
    public string Where(Lab lab, bool markdown = true) =>
        (lab.Details.Place, lab.Details.OnlineLink) switch
        {
            ({ } place, { } link) => texts["Lab_WhereBoth", Typed(place, markdown), link],
            ({ } place, null) => Typed(place, markdown),
            (null, { } link) => texts["Lab_WhereOnline", link],
            _ => texts["Lab_WhereUnknown"],
        };

    public string Audience(LabAudience audience) => texts["Audience_" + audience];

    public string Seats(Lab lab) =>
        lab.SeatsLeft > 0 ? texts["Lab_SeatsLeft", lab.SeatsLeft, lab.Capacity] : texts["Lab_Full", lab.Capacity, lab.Waiting.Count()];

    public List<CardFact> Facts(Lab lab, bool withSeats = true, bool markdown = true)
    {
        var culture = System.Globalization.CultureInfo.CurrentUICulture;
        List<CardFact> facts =
        [
            new(texts["Field_Theme"], Typed(lab.Details.Theme, markdown)),
            new(texts["Field_When"], When(lab)),
            new(texts["Field_Where"], Where(lab, markdown)),
            new(texts["Field_Audience"], Audience(lab.Details.Audience)),
        ];
        if (withSeats)
        {
            facts.Add(new(texts["Field_Seats"], Seats(lab)));
            if (lab.CommuneQuota is { } quota)
            {
                facts.Add(new(texts["Field_Quota"], texts["Lab_QuotaValue", quota]));
            }

            facts.Add(new(texts["Field_Deadline"], BelgianTime.FormatDateTime(lab.Details.RegistrationDeadline, culture)));
        }

        if (lab.State != LabState.Open)
        {
            facts.Add(new(texts["Field_State"], texts["State_" + lab.State]));
        }

        return facts;
    }

    private static string Typed(string value, bool markdown) => markdown ? CardText.EscapeMarkdown(value) : value;

    public string StandingText(Lab lab, Standing? standing) => standing switch
    {
        null => string.Empty,
        { Registration.Status: SeatStatus.Confirmed } => texts["Standing_Confirmed"],
        { Reason: WaitReason.Quota } => texts["Standing_WaitingQuota", standing.Position!.Value, lab.CommuneQuota!.Value, standing.Registration.Commune],
        _ => texts["Standing_Waiting", standing.Position!.Value],
    };

    /// <summary>Whether the person may register or cancel themself right now (staff always may).</summary>
    public bool SelfServiceOpen(Lab lab, ChatUser user) =>
        user.Role == Role.BepStaff ? lab.State != LabState.Cancelled : lab.IsOpenFor(clock.GetUtcNow());

    public bool CanCancelSelf(Lab lab, ChatUser user) =>
        lab.State != LabState.Cancelled && (user.Role == Role.BepStaff || clock.GetUtcNow() <= lab.Details.RegistrationDeadline);

    public async Task<JsonObject> LabCardAsync(Lab lab, ChatUser viewer, string? notice, CancellationToken cancellationToken)
    {
        var standing = lab.StandingOf(viewer.AadObjectId);
        var culture = System.Globalization.CultureInfo.CurrentUICulture;
        var (confirmed, waiting) = (lab.Confirmed.Count(), lab.Waiting.Count());
        var card = cards.Render("labs/lab", new
        {
            Title = CardText.EscapeMarkdown(lab.Details.Title),
            Description = CardText.EscapeMarkdown(lab.Details.Description),
            Facts = Facts(lab),
            SeatsTitle = texts["Seats_Title", confirmed, waiting, lab.SeatsLeft, lab.Capacity].Value,
            SeatsAxis = texts["Seats_Axis"].Value,
            PeopleAxis = texts["Seats_PeopleAxis"].Value,
            SeatsChart = new[]
            {
                new { X = texts["Seats_Confirmed"].Value, Y = confirmed, Color = "good" },
                new { X = texts["Seats_Waiting"].Value, Y = waiting, Color = "warning" },
                new { X = texts["Seats_Free"].Value, Y = lab.SeatsLeft, Color = "neutral" },
            },
            Seats = new[]
            {
                new CardFact(texts["Seats_Confirmed"], confirmed.ToString(culture)),
                new CardFact(texts["Seats_Waiting"], waiting.ToString(culture)),
                new CardFact(texts["Seats_Free"], lab.SeatsLeft.ToString(culture)),
            },
            Status = StandingText(lab, standing),
            HasStatus = standing is not null,
            Notice = notice ?? string.Empty,
            HasNotice = !string.IsNullOrEmpty(notice),
            LabId = lab.Id,
            CanRegister = standing is null && SelfServiceOpen(lab, viewer) && lab.Admits(viewer.Role),
            RegisterTitle = texts["Button_Register"].Value,
            CanCancel = standing is not null && CanCancelSelf(lab, viewer),
            CancelTitle = texts["Button_CancelMine"].Value,
            HasCalendar = standing?.Registration.Status == SeatStatus.Confirmed && lab.State != LabState.Cancelled,
            CalendarTitle = texts["Button_Calendar"].Value,
            IsStaff = viewer.Role == Role.BepStaff,
            ManageTitle = texts["Button_Manage"].Value,
        });
        return CardRefresh.Declare(card, RefreshVerb, new JsonObject { ["labId"] = lab.Id }, texts["Button_UpdateCard"]);
    }

    public Task<OutgoingMessage> NoticeAsync(Lab lab, string title, string message, bool withCalendar, CancellationToken cancellationToken) =>
        Task.FromResult(new OutgoingMessage(title, Notice(lab, title, message, withCalendar, link: null), Alert: true));

    /// <summary>
    /// A notice about the lab. The calendar is a button that makes a fresh .ics link when clicked, so that a card read
    /// weeks later still works; <paramref name="link"/> is such a fresh link, in the answer to that click.
    /// </summary>
    public JsonObject Notice(Lab lab, string title, string message, bool withCalendar, ExportLink? link) =>
        cards.Render("labs/notice", new
        {
            Title = title,
            Message = message,
            Facts = Facts(lab, withSeats: false),
            HasCalendar = withCalendar,
            CalendarTitle = texts["Button_Calendar"].Value,
            LabId = lab.Id,
            HasLink = link is not null,
            LinkTitle = texts["Ics_Open"].Value,
            LinkUrl = link?.Url.ToString() ?? string.Empty,
        });
}
