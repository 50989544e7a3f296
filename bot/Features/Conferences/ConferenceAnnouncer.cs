using System.Globalization;
using System.Text.Json;
using BepBot.Chat;
using BepBot.Infrastructure.Scheduling;
using BepBot.Platform.Delivery;
using Microsoft.Extensions.Options;

namespace BepBot.Features.Conferences;

/// <summary>Every message of a session goes out through the broadcast engine, with a stable id per event.</summary>
public sealed class ConferenceAnnouncer(Broadcaster broadcaster, IMemberDirectory roster, JobBook jobs, IOptions<ConferenceOptions> options, TimeProvider clock)
{
    public const string PollKind = "conferences.poll";
    public const string InvitationKind = "conferences.invitation";
    public const string DateKind = "conferences.date";
    public const string ReminderKind = "conferences.reminder";
    public const string ChangeKind = "conferences.change";
    public const string CancelKind = "conferences.cancel";
    public const string AgendaKind = "conferences.agenda";
    public const string DecisionsKind = "conferences.decisions";

    public static Audience BourgmestresOf(ConferenceSession session) => session.BassinId is null
        ? new Audience(AudienceKind.AllBourgmestres)
        : new Audience(AudienceKind.BassinBourgmestres, Bassin: session.BassinId);

    public Task<Broadcast> ToBourgmestresAsync(ConferenceSession session, string kind, string reference, string idSuffix, string title, ChatUser author, CancellationToken cancellationToken) =>
        broadcaster.StartAsync(
            new BroadcastRequest(title, session.Title, BourgmestresOf(session), author.AadObjectId, author.Name, new BroadcastContent(kind, reference), Id: BroadcastId(session, idSuffix)),
            cancellationToken);

    /// <summary>The relevé goes to the communes in scope: their bourgmestres and their officers.</summary>
    public async Task<Broadcast> ToCommunesAsync(ConferenceSession session, string kind, string reference, string idSuffix, string title, ChatUser author, CancellationToken cancellationToken)
    {
        var members = (await roster.ListAsync(cancellationToken))
            .Where(member => member.Role is Role.Bourgmestre or Role.Officer && session.InScope(member.Commune))
            .Select(member => member.AadObjectId)
            .ToList();
        return await broadcaster.StartAsync(
            new BroadcastRequest(title, session.Title, new Audience(AudienceKind.Members, Members: members), author.AadObjectId, author.Name, new BroadcastContent(kind, reference), Id: BroadcastId(session, idSuffix)),
            cancellationToken);
    }

    public Task<Broadcast> ToMembersAsync(ConferenceSession session, IReadOnlyList<string> members, string kind, string idSuffix, string title, CancellationToken cancellationToken) =>
        broadcaster.StartAsync(
            new BroadcastRequest(title, session.Title, new Audience(AudienceKind.Members, Members: members), "bepbot", "BepBot", new BroadcastContent(kind, session.Id), Id: BroadcastId(session, idSuffix)),
            cancellationToken);

    /// <summary>One reminder job per offset still ahead; a job id carries the date, so a new date gets new reminders.</summary>
    public async Task ScheduleRemindersAsync(ConferenceSession session, CancellationToken cancellationToken)
    {
        if (session.StartsAt is not { } start)
        {
            return;
        }

        var now = clock.GetUtcNow();
        foreach (var offset in options.Value.Reminders)
        {
            var due = start - offset;
            if (due <= now)
            {
                continue;
            }

            var payload = JsonSerializer.Serialize(new ReminderPayload(session.Id, start, (int)offset.TotalMinutes));
            await jobs.ScheduleAsync(ReminderJob.JobKind, ReminderJob.JobIdOf(session.Id, start, (int)offset.TotalMinutes), due, payload, cancellationToken);
        }
    }

    public async Task CancelRemindersAsync(ConferenceSession session, CancellationToken cancellationToken)
    {
        if (session.StartsAt is not { } start)
        {
            return;
        }

        foreach (var offset in options.Value.Reminders)
        {
            await jobs.CancelAsync(ReminderJob.JobIdOf(session.Id, start, (int)offset.TotalMinutes), cancellationToken);
        }
    }

    public static string BroadcastId(ConferenceSession session, string suffix) => "conf" + session.Id + suffix;

    public static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);
}

public sealed record ReminderPayload(string SessionId, DateTimeOffset StartsAt, int OffsetMinutes);

/// <summary>Reminds, at one offset before the session, only the bourgmestres in scope who have not answered yet.</summary>
public sealed partial class ReminderJob(ConferenceStore store, IMemberDirectory roster, ConferenceAnnouncer announcer, Microsoft.Extensions.Localization.IStringLocalizer<ConferencesTexts> texts, ILogger<ReminderJob> logger) : IJobHandler
{
    public const string JobKind = "conferences.reminder";

    public string Kind => JobKind;

    public static string JobIdOf(string sessionId, DateTimeOffset start, int offsetMinutes) =>
        $"conferences-reminder-{sessionId}-{ConferenceAnnouncer.Number(start.ToUnixTimeSeconds())}-{ConferenceAnnouncer.Number(offsetMinutes)}";

    public async Task RunAsync(ScheduledJob job, CancellationToken cancellationToken)
    {
        var payload = JsonSerializer.Deserialize<ReminderPayload>(job.Payload) ?? throw new InvalidOperationException("Empty reminder payload.");
        var session = await store.GetAsync(payload.SessionId, cancellationToken);
        if (session is null || session.State != ConferenceState.Scheduled || session.StartsAt != payload.StartsAt)
        {
            LogSkipped(logger, payload.SessionId);
            return;
        }

        var answered = (await store.RsvpsAsync(session.Id, cancellationToken)).Select(rsvp => rsvp.Commune).ToHashSet(StringComparer.Ordinal);
        var silent = (await roster.ListAsync(cancellationToken))
            .Where(member => member.Role == Role.Bourgmestre && session.InScope(member.Commune) && !answered.Contains(member.Commune!))
            .Select(member => member.AadObjectId)
            .ToList();
        LogReminding(logger, session.Id, silent.Count, payload.OffsetMinutes);
        if (silent.Count > 0)
        {
            var suffix = "rem" + ConferenceAnnouncer.Number(payload.StartsAt.ToUnixTimeSeconds()) + "m" + ConferenceAnnouncer.Number(payload.OffsetMinutes);
            await announcer.ToMembersAsync(session, silent, ConferenceAnnouncer.ReminderKind, suffix, texts["Broadcast_Reminder", session.Title], cancellationToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Reminder for conference {SessionId} skipped: cancelled, moved or gone")]
    private static partial void LogSkipped(ILogger logger, string sessionId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Reminding {Count} bourgmestres without an answer for conference {SessionId} ({OffsetMinutes} min before)")]
    private static partial void LogReminding(ILogger logger, string sessionId, int count, int offsetMinutes);
}
