using System.Globalization;
using BepBot.Chat;
using BepBot.Infrastructure.Scheduling;
using BepBot.Infrastructure.Time;
using BepBot.Platform.Delivery;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace BepBot.Features.Labs;

/// <summary>`labs.save`: validates every field again on the server, refuses a stale form, and tells registrants when the date or place moved.</summary>
public sealed class SaveLab(
    LabBook book,
    ShowLabRegistrants registrants,
    Broadcaster broadcaster,
    CardUpdates cardUpdates,
    JobBook jobs,
    IOptions<LabsOptions> options,
    IStringLocalizer<LabsTexts> texts,
    TimeProvider clock,
    ILogger<SaveLab> logger)
    : StaffLabAction<SaveLabData>(book, registrants, texts, logger)
{
    protected override string Name => "save";

    protected override string LabIdOf(SaveLabData request) => request.LabId;

    protected override Lab Apply(Lab current, SaveLabData request, ChatTurn turn)
    {
        NotCancelled(current);
        if (request.Revision != current.Revision)
        {
            throw new LabChangeRejectedException(Texts["Edit_Stale"]);
        }

        var date = LabInput.Date(request.Date);
        var start = LabInput.Time(request.Start);
        var end = LabInput.Time(request.End);
        var location = LabInput.Location(string.Join(" ; ", new[] { request.Place, request.Link }.Where(part => !string.IsNullOrWhiteSpace(part))));
        var audience = LabInput.Audience(request.Audience);
        var capacity = LabInput.Capacity(request.Capacity ?? string.Empty);
        var (quotaValid, quota) = LabInput.Quota(request.Quota ?? string.Empty);
        var deadline = LabInput.Deadline(request.DeadlineDate + " " + request.DeadlineTime);
        (string Key, object[] Arguments)? error =
            request.Theme.Trim().Length is < 3 or > 100 ? ("Create_BadTheme", [3, 100])
            : request.Title.Trim().Length is < 3 or > 150 ? ("Create_BadTitle", [3, 150])
            : request.Description.Trim().Length is < 3 or > 2000 ? ("Create_BadDescription", [3, 2000])
            : date is null || start is null || end is null || end <= start ? ("Create_BadWhen", [])
            : location is null ? ("Create_BadWhere", [])
            : audience is null ? ("Create_BadAudience", [])
            : capacity is null ? ("Create_BadCapacity", [])
            : !quotaValid || quota > capacity ? ("Create_BadQuota", [capacity])
            : deadline is null ? ("Create_BadDeadline", [])
            : null;
        if (error is { } refused)
        {
            throw new LabChangeRejectedException(Texts[refused.Key, refused.Arguments]);
        }

        var startsAt = LabInput.Instant(date!.Value, start!.Value);
        if (startsAt <= clock.GetUtcNow() || deadline > startsAt)
        {
            throw new LabChangeRejectedException(Texts["Create_DeadlineOutOfRange", BelgianTime.FormatDateTime(startsAt, turn.Culture)]);
        }

        if (capacity < current.Confirmed.Count())
        {
            throw new LabChangeRejectedException(Texts["Edit_CapacityBelowConfirmed", current.Confirmed.Count()]);
        }

        if (quota is { } q && current.Confirmed.GroupBy(registration => registration.Commune).FirstOrDefault(group => group.Count() > q) is { } over)
        {
            throw new LabChangeRejectedException(Texts["Edit_QuotaBelowConfirmed", over.Key, over.Count()]);
        }

        return current with
        {
            Details = new LabDetails(request.Theme.Trim(), request.Title.Trim(), request.Description.Trim(), startsAt, LabInput.Instant(date.Value, end!.Value), location!.Value.Place, location.Value.Link, audience!.Value, deadline!.Value),
            Capacity = capacity!.Value,
            CommuneQuota = quota,
            Revision = current.Revision + 1,
        };
    }

    protected override async Task<string?> AfterAsync(LabChange change, SaveLabData request, ChatTurn turn, CancellationToken cancellationToken)
    {
        var before = change.Before.Details;
        var after = change.After.Details;
        if (before.StartsAt != after.StartsAt)
        {
            await LabStartJob.ScheduleAllAsync(jobs, change.After, options, cancellationToken);
        }

        var people = change.After.Registrations.Where(registration => registration.IsActive).Select(registration => registration.AadObjectId).Distinct().ToList();
        var moved = before.StartsAt != after.StartsAt || before.EndsAt != after.EndsAt || before.Place != after.Place || before.OnlineLink != after.OnlineLink;
        if (moved && people.Count > 0)
        {
            await broadcaster.StartAsync(
                new BroadcastRequest(
                    Texts["Changed_Title", after.Title],
                    Texts["Changed_Title", after.Title],
                    new Audience(AudienceKind.Members, Members: people),
                    turn.User.AadObjectId,
                    turn.User.Name,
                    new BroadcastContent(LabNoticeContent.ContentKind, LabNoticeContent.Changed + ":" + change.After.Id),
                    Id: "labchange" + change.After.Id + change.After.Revision.ToString(CultureInfo.InvariantCulture)),
                cancellationToken);
        }

        await cardUpdates.StartAsync(LabNoticeContent.UpdateAfter(change.After, turn.User), cancellationToken);
        return moved && people.Count > 0 ? Texts["Edit_SavedTold", people.Count] : Texts["Edit_Saved"];
    }
}
