using System.Text.Json;
using BepBot.Chat;
using BepBot.Infrastructure.Scheduling;

namespace BepBot.Features.Conferences;

/// <summary>Reminds, at one offset before the session, only the bourgmestres in scope who have not answered yet.</summary>
public sealed partial class ConferenceReminderJob(ConferenceStore store, IMemberDirectory roster, ConferenceAnnouncer announcer, Microsoft.Extensions.Localization.IStringLocalizer<ConferencesTexts> texts, ILogger<ConferenceReminderJob> logger) : IJobHandler
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
