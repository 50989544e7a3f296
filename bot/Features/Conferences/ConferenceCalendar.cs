using System.Globalization;
using System.Net;
using BepBot.Cards;
using BepBot.Chat;
using BepBot.Infrastructure.Graph;
using BepBot.Infrastructure.Scheduling;
using BepBot.Infrastructure.Text;
using BepBot.Infrastructure.Time;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Microsoft.Graph.Models;
using Microsoft.Graph.Users.Item.Events.Item.Cancel;
using Microsoft.Kiota.Abstractions;
using Attendee = Microsoft.Graph.Models.Attendee;

namespace BepBot.Features.Conferences;

/// <summary>
/// The session's Outlook event with a Teams meeting, on the BEP organiser mailbox (Graph, app-only): created when the
/// date is set, updated on edits, cancelled with the session. Graph failing never loses the session: the state is
/// recorded, staff are told and can retry, and a job retries on its own a few times.
/// </summary>
public sealed partial class ConferenceCalendar(
    GraphGateway graph,
    IOptions<ConferenceOptions> options,
    IMemberDirectory roster,
    ConferenceStore store,
    JobBook jobs,
    IStringLocalizer<ConferencesTexts> texts,
    TimeProvider clock,
    ILogger<ConferenceCalendar> logger)
{
    public const string TimeZone = "Europe/Brussels";

    public bool IsConfigured => graph.IsConfigured && !string.IsNullOrWhiteSpace(options.Value.OrganizerMailbox);

    /// <summary>Brings the event in line with the session; returns the session with its calendar state.</summary>
    public async Task<ConferenceSession?> SyncAsync(string sessionId, CancellationToken cancellationToken = default)
    {
        var session = await store.GetAsync(sessionId, cancellationToken);
        if (session is null || session.StartsAt is null)
        {
            return session;
        }

        var now = clock.GetUtcNow();
        if (!IsConfigured)
        {
            if (session.Calendar.State == CalendarSyncState.NotConfigured)
            {
                return session;
            }

            LogNotConfigured(logger, session.Id);
            return await store.SetCalendarAsync(session.Id, _ => new CalendarSync(CalendarSyncState.NotConfigured, UpdatedAt: now), cancellationToken);
        }

        var mailbox = options.Value.OrganizerMailbox!;
        var client = graph.Client!;
        try
        {
            CalendarSync synced;
            if (session.State == ConferenceState.Cancelled)
            {
                if (session.Calendar.EventId is { } cancelledId)
                {
                    using var french = CultureScope.Use(BelgianTime.French);
                    await client.Users[mailbox].Events[cancelledId].Cancel.PostAsync(new CancelPostRequestBody { Comment = texts["Calendar_CancelComment", session.Title] }, cancellationToken: cancellationToken);
                }

                synced = new CalendarSync(CalendarSyncState.Cancelled, session.Calendar.EventId, UpdatedAt: now);
            }
            else if (session.Calendar.EventId is { } eventId)
            {
                await client.Users[mailbox].Events[eventId].PatchAsync(await EventOfAsync(session, cancellationToken), cancellationToken: cancellationToken);
                synced = new CalendarSync(CalendarSyncState.Synced, eventId, UpdatedAt: now);
            }
            else
            {
                var created = await client.Users[mailbox].Events.PostAsync(await EventOfAsync(session, cancellationToken), cancellationToken: cancellationToken);
                synced = new CalendarSync(CalendarSyncState.Synced, created?.Id, UpdatedAt: now);
            }

            LogSynced(logger, session.Id, synced.State, synced.EventId);
            return await store.SetCalendarAsync(session.Id, _ => synced, cancellationToken);
        }
        catch (Exception ex) when (ex is ApiException or HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            var status = (ex as ApiException)?.ResponseStatusCode ?? 0;
            LogFailed(logger, ex, session.Id, status);
            var reason = Reason(status);
            var updated = await store.SetCalendarAsync(
                session.Id,
                current => new CalendarSync(CalendarSyncState.Failed, current.Calendar.EventId, reason, now, current.Calendar.Attempts + 1),
                cancellationToken);
            if (updated is not null && updated.Calendar.Attempts < options.Value.CalendarMaxAttempts)
            {
                await jobs.ScheduleAsync(
                    CalendarRetryJob.JobKind,
                    $"conferences-calendar-{session.Id}-{updated.Version}-{updated.Calendar.Attempts}",
                    now + options.Value.CalendarRetryDelay,
                    session.Id,
                    cancellationToken);
            }

            return updated;
        }
    }

    /// <summary>What staff read after an action that touched the calendar.</summary>
    public string Outcome(ConferenceSession? session) => session?.Calendar.State switch
    {
        CalendarSyncState.Synced => texts["CalendarOutcome_Synced", options.Value.OrganizerMailbox ?? string.Empty],
        CalendarSyncState.Cancelled => texts["CalendarOutcome_Cancelled"],
        CalendarSyncState.Failed => texts["CalendarOutcome_Failed", CardText.EscapeMarkdown(session.Calendar.Reason ?? string.Empty)],
        CalendarSyncState.NotConfigured => texts["CalendarOutcome_NotConfigured"],
        _ => string.Empty,
    };

    private string Reason(int status) => status switch
    {
        (int)HttpStatusCode.Forbidden or (int)HttpStatusCode.Unauthorized => texts["CalendarReason_Forbidden", options.Value.OrganizerMailbox ?? string.Empty],
        (int)HttpStatusCode.TooManyRequests or (int)HttpStatusCode.ServiceUnavailable or (int)HttpStatusCode.GatewayTimeout => texts["CalendarReason_Busy"],
        (int)HttpStatusCode.NotFound => texts["CalendarReason_NotFound", options.Value.OrganizerMailbox ?? string.Empty],
        0 => texts["CalendarReason_Unreachable"],
        _ => texts["CalendarReason_Other", status],
    };

    private async Task<Event> EventOfAsync(ConferenceSession session, CancellationToken cancellationToken)
    {
        // The event is the BEP's, read by every attendee: always in French, like the invitation mail Outlook sends.
        using var french = CultureScope.Use(BelgianTime.French);
        var attendees = (await roster.ListAsync(cancellationToken))
            .Where(member => member.Role == Role.Bourgmestre && session.InScope(member.Commune) && member.Email.Length > 0)
            .OrderBy(member => member.Commune, StringComparer.Ordinal)
            .Select(member => new Attendee { Type = AttendeeType.Required, EmailAddress = new EmailAddress { Address = member.Email, Name = member.Name } })
            .ToList();
        var start = BelgianTime.ToBrussels(session.StartsAt!.Value);
        var end = BelgianTime.ToBrussels(session.EndsAt!.Value);
        var scope = session.Bassin?.Name ?? texts["Scope_ProvinceShort"];
        return new Event
        {
            Subject = session.Title,
            Body = new ItemBody
            {
                ContentType = BodyType.Html,
                Content = texts["Calendar_Body", WebUtility.HtmlEncode(session.Title), WebUtility.HtmlEncode(scope), session.Version],
            },
            Start = new DateTimeTimeZone { DateTime = start.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture), TimeZone = TimeZone },
            End = new DateTimeTimeZone { DateTime = end.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture), TimeZone = TimeZone },
            Location = new Location { DisplayName = session.Online ? texts["Place_OnlineShort"] : session.Location },
            Attendees = attendees,
            IsOnlineMeeting = session.Online,
            OnlineMeetingProvider = session.Online ? OnlineMeetingProviderType.TeamsForBusiness : null,
            AllowNewTimeProposals = false,
            // Graph answers a repeated create with the same transactionId by the first event: no duplicate after a retry.
            TransactionId = session.CalendarTransactionId,
        };
    }

    /// <summary>The session as an iCalendar file (Europe/Brussels with its VTIMEZONE), for people outside Outlook.</summary>
    public static byte[] Ics(ConferenceSession session, string description)
    {
        var calendar = new Ical.Net.Calendar();
        calendar.AddTimeZone(TimeZone);
        var start = BelgianTime.ToBrussels(session.StartsAt!.Value);
        var end = BelgianTime.ToBrussels(session.EndsAt!.Value);
        calendar.Events.Add(new CalendarEvent
        {
            Uid = $"conference-{session.Id}@bep.be",
            Sequence = session.Version,
            Summary = session.Title,
            Description = description,
            Location = session.Online ? "Microsoft Teams" : session.Location,
            DtStart = new CalDateTime(start.DateTime, TimeZone),
            DtEnd = new CalDateTime(end.DateTime, TimeZone),
        });
        return System.Text.Encoding.UTF8.GetBytes(new CalendarSerializer().SerializeToString(calendar) ?? string.Empty);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Graph is not configured: no Outlook event for conference {SessionId}")]
    private static partial void LogNotConfigured(ILogger logger, string sessionId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Outlook event of conference {SessionId} is {State} ({EventId})")]
    private static partial void LogSynced(ILogger logger, string sessionId, CalendarSyncState state, string? eventId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outlook event of conference {SessionId} could not be updated (HTTP {Status})")]
    private static partial void LogFailed(ILogger logger, Exception exception, string sessionId, int status);
}
