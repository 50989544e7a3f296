using System.Globalization;
using System.Text.Json.Nodes;
using BepBot.Cards;
using BepBot.Chat;
using BepBot.Infrastructure.Time;
using Microsoft.Extensions.Localization;

namespace BepBot.Features.Conferences;

/// <summary>How a session reads in every card and message, in the current UI culture.</summary>
public sealed class ConferenceCards(CardCatalog cards, IStringLocalizer<ConferencesTexts> texts, TimeProvider clock)
{
    /// <summary>Refreshes a session card for whoever looks at it: the new date or place, their answer, « annulée ».</summary>
    public const string RefreshVerb = "conferences.refresh";

    public IStringLocalizer<ConferencesTexts> Texts => texts;

    private static CultureInfo Culture => CultureInfo.CurrentUICulture;

    public string Scope(ConferenceSession session) => session.Bassin is { } bassin
        ? texts["Scope_Bassin", bassin.Name, bassin.Communes.Count]
        : texts["Scope_Province", session.CommunesInScope.Count];

    /// <param name="markdown">False for plain text (the dashboard tab), where typed values show as typed.</param>
    public string Place(ConferenceSession session, bool markdown = true) =>
        session.Online ? texts["Place_Online"] : Typed(session.Location ?? string.Empty, markdown);

    public string When(ConferenceSession session) => session.StartsAt is { } start
        ? BelgianTime.FormatDateTime(start, Culture)
        : texts["When_Poll", session.CandidateDates.Count];

    public string Quorum(ConferenceSession session) => session.Quorum switch
    {
        QuorumRule.Majority => texts["Quorum_Majority", session.QuorumNeeded, session.CommunesInScope.Count],
        QuorumRule.TwoThirds => texts["Quorum_TwoThirds", session.QuorumNeeded, session.CommunesInScope.Count],
        _ => texts["Quorum_None"],
    };

    public string Date(DateTimeOffset instant) => BelgianTime.FormatDateTime(instant, Culture);

    public string Answer(Rsvp? rsvp) => rsvp switch
    {
        null => texts["Rsvp_None"],
        { Answer: RsvpAnswer.Present } => texts["Rsvp_Present"],
        { Answer: RsvpAnswer.Absent } => texts["Rsvp_Absent"],
        _ => texts["Rsvp_Represented", CardText.EscapeMarkdown(rsvp.HolderName ?? "?")],
    };

    public string Calendar(ConferenceSession session, bool markdown = true) => session.Calendar.State switch
    {
        CalendarSyncState.NotConfigured => texts["Calendar_NotConfigured"],
        CalendarSyncState.Synced => texts["Calendar_Synced"],
        CalendarSyncState.Failed => texts["Calendar_Failed", Typed(session.Calendar.Reason ?? string.Empty, markdown)],
        CalendarSyncState.Cancelled => texts["Calendar_Cancelled"],
        _ => session.StartsAt is null ? texts["Calendar_WaitingForDate"] : texts["Calendar_Pending"],
    };

    public List<CardFact> Facts(ConferenceSession session, bool forStaff, bool markdown = true)
    {
        var facts = new List<CardFact>
        {
            new(texts["Fact_When"], When(session)),
            new(texts["Fact_Place"], Place(session, markdown)),
            new(texts["Fact_Duration"], BelgianTime.FormatDuration(session.DurationMinutes)),
            new(texts["Fact_Scope"], Scope(session)),
            new(texts["Fact_Quorum"], Quorum(session)),
        };
        if (session.State == ConferenceState.Cancelled)
        {
            facts.Insert(0, new(texts["Fact_State"], texts["State_Cancelled"]));
        }

        if (forStaff)
        {
            facts.Add(new(texts["Fact_Calendar"], Calendar(session, markdown)));
            facts.Add(new(texts["Fact_Version"], texts["Version", session.Version, BelgianTime.FormatDateTime(session.UpdatedAt, Culture), Typed(session.UpdatedBy, markdown)]));
        }

        return facts;
    }

    /// <summary>« Quorum atteint », « Quorum non atteint : il en manque 3 », or that none is needed.</summary>
    public string QuorumStatus(ConferenceSession session, AttendanceCount attendance) =>
        session.Quorum == QuorumRule.None ? texts["Attendance_NoQuorum"]
        : attendance.Reached ? texts["Attendance_Reached", attendance.Needed]
        : texts["Attendance_NotReached", attendance.Needed, attendance.Needed - attendance.Counted];

    private static string Typed(string value, bool markdown) => markdown ? CardText.EscapeMarkdown(value) : value;

    /// <summary>The session for staff: facts, calendar state, and every management button that applies now.</summary>
    public JsonObject StaffSession(ConferenceSession session, string? notice = null, string? headline = null)
    {
        var now = clock.GetUtcNow();
        var live = session.State != ConferenceState.Cancelled;
        return Refreshing(session, cards.Render("conferences/session", new
        {
            Headline = headline ?? string.Empty,
            Title = CardText.EscapeMarkdown(session.Title),
            Facts = Facts(session, forStaff: true),
            Status = session.Change.Length == 0 ? string.Empty : CardText.EscapeMarkdown(session.Change),
            Notice = notice ?? string.Empty,
            SessionId = session.Id,
            Rsvp = NoRsvp,
            Buttons = new
            {
                Staff = true,
                Poll = string.Empty,
                Agenda = (string)texts["Button_Agenda"],
                Ics = live && session.StartsAt is not null ? (string)texts["Button_Ics"] : string.Empty,
                Tally = live && session.State == ConferenceState.DatePoll ? (string)texts["Button_Tally"] : string.Empty,
                Attendance = live && session.State == ConferenceState.Scheduled ? (string)texts["Button_Attendance"] : string.Empty,
                Edit = live && !session.IsPast(now) ? (string)texts["Button_Edit"] : string.Empty,
                Decisions = live && session.IsPast(now) ? (string)texts["Button_Decisions"] : string.Empty,
                Retry = session.Calendar.State == CalendarSyncState.Failed ? (string)texts["Button_RetryCalendar"] : string.Empty,
                Cancel = live && !session.IsPast(now) ? (string)texts["Button_Cancel"] : string.Empty,
            },
        }));
    }

    /// <summary>The session for a bourgmestre (with their RSVP) or an officer of a commune in scope (read only).</summary>
    public JsonObject MemberSession(ConferenceSession session, Member viewer, Rsvp? rsvp, IReadOnlyList<Member> roster, string? headline = null, string? notice = null)
    {
        var now = clock.GetUtcNow();
        var canAnswer = viewer.Role == Role.Bourgmestre && session.State == ConferenceState.Scheduled && session.IsOpenForAnswers(now);
        var live = session.State != ConferenceState.Cancelled;
        var status = viewer.Role != Role.Bourgmestre || session.State == ConferenceState.DatePoll ? string.Empty
            : canAnswer ? string.Empty
            : live ? texts["Rsvp_Closed", Answer(rsvp)] : string.Empty;
        return Refreshing(session, cards.Render("conferences/session", new
        {
            Headline = headline ?? string.Empty,
            Title = CardText.EscapeMarkdown(session.Title),
            Facts = Facts(session, forStaff: false),
            Status = status,
            Notice = notice ?? string.Empty,
            SessionId = session.Id,
            Rsvp = canAnswer
                ? new
                {
                    Show = true,
                    Current = (string)texts["Rsvp_Current", Answer(rsvp)],
                    HolderLabel = (string)texts["Rsvp_HolderLabel"],
                    HolderValue = rsvp?.HolderAadObjectId ?? string.Empty,
                    Holders = Holders(viewer, roster),
                    Present = (string)texts["Rsvp_PresentButton"],
                    Absent = (string)texts["Rsvp_AbsentButton"],
                    Represented = (string)texts["Rsvp_RepresentedButton"],
                }
                : NoRsvp,
            Buttons = new
            {
                Staff = false,
                Poll = live && session.State == ConferenceState.DatePoll && viewer.Role == Role.Bourgmestre ? (string)texts["Button_Poll"] : string.Empty,
                Agenda = live && session.AgendaPublications > 0 ? (string)texts["Button_Agenda"] : string.Empty,
                Ics = live && session.StartsAt is not null ? (string)texts["Button_Ics"] : string.Empty,
                Tally = string.Empty,
                Attendance = string.Empty,
                Edit = string.Empty,
                Decisions = string.Empty,
                Retry = string.Empty,
                Cancel = string.Empty,
            },
        }));
    }

    private static readonly object NoRsvp = new
    {
        Show = false,
        Current = string.Empty,
        HolderLabel = string.Empty,
        HolderValue = string.Empty,
        Holders = Array.Empty<object>(),
        Present = string.Empty,
        Absent = string.Empty,
        Represented = string.Empty,
    };

    private List<object> Holders(Member viewer, IReadOnlyList<Member> roster) =>
        [.. roster
            .Where(member => member.Role != Role.Guest && member.AadObjectId != viewer.AadObjectId && (member.Commune is null || member.Commune != viewer.Commune))
            .OrderBy(member => member.Role == Role.Bourgmestre ? 0 : 1)
            .ThenBy(member => member.Name, StringComparer.Create(BelgianTime.French, CompareOptions.IgnoreCase))
            .Select(member => (object)new { Title = HolderTitle(member), Value = member.AadObjectId })];

    private string HolderTitle(Member member) => member.Role switch
    {
        Role.Bourgmestre => texts["Holder_Bourgmestre", member.Name, member.Commune ?? "?"],
        Role.Officer => texts["Holder_Officer", member.Name, member.Commune ?? "?"],
        _ => texts["Holder_Staff", member.Name],
    };

    public JsonObject Poll(ConferenceSession session, PollAnswer? answer, string? headline = null, string? notice = null)
    {
        var open = session.State == ConferenceState.DatePoll;
        return Refreshing(session, cards.Render("conferences/poll", new
        {
            Headline = headline ?? string.Empty,
            Title = CardText.EscapeMarkdown(session.Title),
            Facts = new List<CardFact>
            {
                new(texts["Fact_Place"], Place(session)),
                new(texts["Fact_Duration"], BelgianTime.FormatDuration(session.DurationMinutes)),
                new(texts["Fact_Scope"], Scope(session)),
            },
            Intro = open ? (string)texts["Poll_Intro"] : (string)texts["Poll_Closed"],
            Notice = notice ?? string.Empty,
            Open = open,
            SessionId = session.Id,
            Required = (string)texts["Poll_Required"],
            Dates = session.CandidateDates.Select((date, index) => new
            {
                Id = "d" + index.ToString(CultureInfo.InvariantCulture),
                Label = Date(date),
                Value = answer is not null && index < answer.Choices.Count ? ChoiceValue(answer.Choices[index]) : string.Empty,
            }).ToList(),
            Choices = new[]
            {
                new { Title = (string)texts["Poll_Yes"], Value = "yes" },
                new { Title = (string)texts["Poll_Maybe"], Value = "maybe" },
                new { Title = (string)texts["Poll_No"], Value = "no" },
            },
            Submit = (string)texts["Poll_Submit"],
        }));
    }

    private JsonObject Refreshing(ConferenceSession session, JsonObject card) =>
        CardRefresh.Declare(card, RefreshVerb, new JsonObject { ["sessionId"] = session.Id }, texts["Button_UpdateCard"]);

    public static string ChoiceValue(PollChoice choice) => choice switch
    {
        PollChoice.Yes => "yes",
        PollChoice.Maybe => "maybe",
        _ => "no",
    };

    public JsonObject Notice(string title, string message, IEnumerable<CardFact>? facts = null, IEnumerable<string>? lines = null, string? sessionId = null, string? url = null, string? urlTitle = null, string? confirm = null, int version = 0) =>
        cards.Render("conferences/notice", new
        {
            Title = title,
            Message = message,
            Facts = facts?.ToList() ?? [],
            Lines = (lines ?? []).Select(line => new { Text = line }).ToList(),
            Url = url ?? string.Empty,
            UrlTitle = urlTitle ?? string.Empty,
            Confirm = confirm ?? string.Empty,
            Version = version,
            SessionId = sessionId ?? string.Empty,
            Open = sessionId is null ? string.Empty : (string)texts["Button_Open"],
        });

    public JsonObject Render(string template, object data) => cards.Render(template, data);
}
