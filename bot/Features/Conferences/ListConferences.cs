using System.Text.Json;
using BepBot.Cards;
using BepBot.Chat;
using BepBot.Infrastructure.Exports;
using BepBot.Infrastructure.Time;
using Microsoft.Extensions.Localization;

namespace BepBot.Features.Conferences;

public sealed record SessionRef(string SessionId);

/// <summary>Finds the session a card names and checks the viewer may see it; the refusals every handler shares.</summary>
public sealed partial class ConferenceAccess(ConferenceStore store, IStringLocalizer<ConferencesTexts> texts, ILogger<ConferenceAccess> logger)
{
    public async Task<(ConferenceSession? Session, Reply? Refusal)> FindAsync(ChatTurn turn, string sessionId, CancellationToken cancellationToken)
    {
        var session = await store.GetAsync(sessionId, cancellationToken);
        if (session is null)
        {
            LogUnknown(logger, sessionId, turn.User.AadObjectId);
            return (null, Reply.WithText(texts["Error_UnknownSession"]));
        }

        if (turn.User.Role != Role.BepStaff && !session.InScope(turn.User.Commune))
        {
            LogOutOfScope(logger, sessionId, turn.User.AadObjectId, turn.User.Commune);
            return (null, Reply.WithText(texts["Error_NotInScope", session.Bassin?.Name ?? string.Empty]));
        }

        return (session, null);
    }

    /// <summary>A button that shows one view of the session it names (tally, attendance…) in place of the clicked card.</summary>
    public async Task<Reply> ShowAsync(ChatTurn turn, JsonElement data, Func<ConferenceSession, Task<System.Text.Json.Nodes.JsonObject>> render, CancellationToken cancellationToken)
    {
        var request = CardData.Read<SessionRef>(data);
        var (session, refusal) = await FindAsync(turn, request.SessionId, cancellationToken);
        return session is null ? refusal! : Reply.UpdatingCard(await render(session));
    }

    public Reply Refuse(ChatTurn turn, string sessionId, string reasonKey, params object[] arguments)
    {
        LogRefused(logger, reasonKey, sessionId, turn.User.AadObjectId);
        return Reply.WithText(texts[reasonKey, arguments]);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Unknown conference {SessionId} named by {User}")]
    private static partial void LogUnknown(ILogger logger, string sessionId, string user);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Conference {SessionId} refused to {User} of {Commune}: not in scope")]
    private static partial void LogOutOfScope(ILogger logger, string sessionId, string user, string? commune);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Conference action refused ({Reason}) on {SessionId} to {User}")]
    private static partial void LogRefused(ILogger logger, string reason, string sessionId, string user);
}

/// <summary>`conférences`: upcoming and past sessions; staff see all, others those of their commune's scope (with their RSVP).</summary>
public sealed class ListConferences(ConferenceStore store, ConferenceCards cards, IStringLocalizer<ConferencesTexts> texts, TimeProvider clock) : ICommandHandler
{
    private const int PastShown = 10;

    public static DateTimeOffset FirstCandidate(ConferenceSession session) => session.CandidateDates.Count > 0 ? session.CandidateDates[0] : session.CreatedAt;

    public async Task<Reply> HandleAsync(ChatTurn turn, string arguments, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var staff = turn.User.Role == Role.BepStaff;
        var sessions = (await store.ListAsync(cancellationToken)).Where(session => staff || session.InScope(turn.User.Commune)).ToList();
        var upcoming = sessions.Where(session => session.State != ConferenceState.Cancelled && !session.IsPast(now))
            .OrderBy(session => session.StartsAt ?? FirstCandidate(session)).ToList();
        var past = sessions.Except(upcoming).OrderByDescending(session => session.StartsAt ?? session.CreatedAt).Take(PastShown).ToList();
        var entries = new List<object>();
        async Task<object> EntryAsync(ConferenceSession session)
        {
            var details = new List<string> { cards.When(session), session.Bassin?.ShortName ?? texts["Scope_ProvinceShort"] };
            if (session.State == ConferenceState.Cancelled)
            {
                details.Insert(0, texts["State_Cancelled"]);
            }
            else if (turn.User.Role == Role.Bourgmestre && session.State == ConferenceState.Scheduled && turn.User.Commune is { } commune)
            {
                details.Add(texts["List_YourAnswer", cards.Answer(await store.RsvpOfAsync(session.Id, commune, cancellationToken))]);
            }

            return new { session.Id, Title = CardText.EscapeMarkdown(session.Title), Details = string.Join(" · ", details), Open = (string)texts["List_Open", CardText.EscapeMarkdown(session.Title)] };
        }

        var upcomingEntries = new List<object>();
        foreach (var session in upcoming)
        {
            upcomingEntries.Add(await EntryAsync(session));
        }

        foreach (var session in past)
        {
            entries.Add(await EntryAsync(session));
        }

        var card = cards.Render("conferences/list", new
        {
            Title = (string)texts["List_Title"],
            EmptyText = (string)texts["List_Empty"],
            UpcomingTitle = (string)texts["List_Upcoming"],
            PastTitle = (string)texts["List_Past"],
            Upcoming = upcomingEntries,
            Past = entries,
            Schedule = staff ? (string)texts["List_Schedule"] : string.Empty,
        });
        return Reply.WithCard(card, texts["List_Title"]);
    }
}

/// <summary>`conferences.show`: the session as this viewer needs it (staff management, bourgmestre RSVP or poll, officer read-only).</summary>
public sealed class ShowConference(ConferenceAccess access, ConferenceStore store, ConferenceCards cards, IMemberDirectory roster) : ICardActionHandler
{
    public async Task<Reply> HandleAsync(ChatTurn turn, JsonElement data, CancellationToken cancellationToken)
    {
        var request = CardData.Read<SessionRef>(data);
        var (session, refusal) = await access.FindAsync(turn, request.SessionId, cancellationToken);
        if (session is null)
        {
            return refusal!;
        }

        if (turn.User.Role == Role.BepStaff)
        {
            return Reply.WithCard(cards.StaffSession(session), session.Title);
        }

        var member = turn.User.Member!;
        if (session.State == ConferenceState.DatePoll && member.Role == Role.Bourgmestre)
        {
            return Reply.WithCard(cards.Poll(session, await store.PollAnswerOfAsync(session.Id, member.Commune!, cancellationToken)), session.Title);
        }

        var rsvp = member.Role == Role.Bourgmestre ? await store.RsvpOfAsync(session.Id, member.Commune!, cancellationToken) : null;
        return Reply.WithCard(cards.MemberSession(session, member, rsvp, (await roster.ListAsync(cancellationToken))), session.Title);
    }
}

/// <summary>`conferences.ics`: a fresh download link to the session's .ics (a link in an old card would have expired).</summary>
public sealed class DownloadIcs(ConferenceAccess access, ConferenceCards cards, ExportStore exports, IStringLocalizer<ConferencesTexts> texts) : ICardActionHandler
{
    public async Task<Reply> HandleAsync(ChatTurn turn, JsonElement data, CancellationToken cancellationToken)
    {
        var request = CardData.Read<SessionRef>(data);
        var (session, refusal) = await access.FindAsync(turn, request.SessionId, cancellationToken);
        if (session is null)
        {
            return refusal!;
        }

        if (session.StartsAt is null || session.State == ConferenceState.Cancelled)
        {
            return access.Refuse(turn, session.Id, "Ics_NoDate");
        }

        var description = texts["Ics_Description", session.Title, cards.Scope(session), cards.Place(session)];
        var url = await exports.SaveAsync($"conference-{BelgianTime.ToBrussels(session.StartsAt.Value):yyyy-MM-dd}.ics", "text/calendar", ConferenceCalendar.Ics(session, description), cancellationToken);
        var card = cards.Notice(texts["Ics_Title", CardText.EscapeMarkdown(session.Title)], texts["Ics_Message"], url: url.ToString(), urlTitle: texts["Ics_Open"]);
        return Reply.WithCard(card, texts["Ics_Title", session.Title]);
    }
}

/// <summary>`conferences.retryCalendar`: staff try the Outlook update again after a failure.</summary>
public sealed class RetryCalendar(ConferenceAccess access, ConferenceCalendar calendar, ConferenceCards cards) : ICardActionHandler
{
    public async Task<Reply> HandleAsync(ChatTurn turn, JsonElement data, CancellationToken cancellationToken)
    {
        var request = CardData.Read<SessionRef>(data);
        var (session, refusal) = await access.FindAsync(turn, request.SessionId, cancellationToken);
        if (session is null)
        {
            return refusal!;
        }

        var synced = await calendar.SyncAsync(session.Id, cancellationToken) ?? session;
        return Reply.UpdatingCard(cards.StaffSession(synced, calendar.Outcome(synced)));
    }
}
