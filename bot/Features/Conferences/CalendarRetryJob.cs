using BepBot.Infrastructure.Scheduling;

namespace BepBot.Features.Conferences;

/// <summary>Retries a failed calendar update later; skips when staff or an earlier retry already fixed it.</summary>
public sealed class CalendarRetryJob(ConferenceStore store, ConferenceCalendar calendar) : IJobHandler
{
    public const string JobKind = "conferences.calendar";

    public string Kind => JobKind;

    public async Task RunAsync(ScheduledJob job, CancellationToken cancellationToken)
    {
        var session = await store.GetAsync(job.Payload, cancellationToken);
        if (session?.Calendar.State is CalendarSyncState.Failed or CalendarSyncState.Pending)
        {
            await calendar.SyncAsync(session.Id, cancellationToken);
        }
    }
}
