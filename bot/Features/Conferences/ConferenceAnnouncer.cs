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
            await jobs.ScheduleAsync(ConferenceReminderJob.JobKind, ConferenceReminderJob.JobIdOf(session.Id, start, (int)offset.TotalMinutes), due, payload, cancellationToken);
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
            await jobs.CancelAsync(ConferenceReminderJob.JobIdOf(session.Id, start, (int)offset.TotalMinutes), cancellationToken);
        }
    }

    public static string BroadcastId(ConferenceSession session, string suffix) => "conf" + session.Id + suffix;

    public static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);
}
