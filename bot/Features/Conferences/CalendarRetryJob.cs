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
using Attendee = Microsoft.Graph.Models.Attendee;
using Microsoft.Graph.Users.Item.Events.Item.Cancel;
using Microsoft.Kiota.Abstractions;

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
