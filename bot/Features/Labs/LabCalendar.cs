using System.Text;
using BepBot.Infrastructure.Exports;
using BepBot.Infrastructure.Time;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;

namespace BepBot.Features.Labs;

/// <summary>The lab as an .ics event (Europe/Brussels, with its VTIMEZONE), behind a download link made when « Ajouter à mon agenda » is clicked.</summary>
public sealed class LabCalendar(ExportStore exports)
{
    public static string ToIcs(Lab lab)
    {
        var calendar = new Calendar { ProductId = "-//BEP//BepBot//FR" };
        calendar.AddTimeZone(BelgianTime.Zone.Id);
        var details = lab.Details;
        var calendarEvent = new CalendarEvent
        {
            Uid = $"lab-{lab.Id}@bepbot",
            Summary = details.Title,
            Description = details.OnlineLink is null ? details.Description : details.Description + "\n" + details.OnlineLink,
            Location = details.Place ?? details.OnlineLink,
            DtStart = new CalDateTime(BelgianTime.ToBrussels(details.StartsAt).DateTime, BelgianTime.Zone.Id),
            DtEnd = new CalDateTime(BelgianTime.ToBrussels(details.EndsAt).DateTime, BelgianTime.Zone.Id),
            Sequence = lab.Revision,
        };
        if (details.OnlineLink is not null)
        {
            calendarEvent.Url = new Uri(details.OnlineLink);
        }

        if (lab.State == LabState.Cancelled)
        {
            calendarEvent.Status = "CANCELLED";
        }

        calendar.Events.Add(calendarEvent);
        return new CalendarSerializer().SerializeToString(calendar) ?? string.Empty;
    }

    public Task<ExportLink> LinkAsync(Lab lab, CancellationToken cancellationToken = default) =>
        exports.SaveAsync(ExportContent.NoPersonalData, $"seminaire-{lab.Id}.ics", "text/calendar; charset=utf-8", Encoding.UTF8.GetBytes(ToIcs(lab)), cancellationToken);
}
