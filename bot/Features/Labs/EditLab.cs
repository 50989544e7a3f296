using System.Globalization;
using System.Text.Json;
using BepBot.Cards;
using BepBot.Chat;
using BepBot.Infrastructure.Scheduling;
using BepBot.Infrastructure.Time;
using BepBot.Platform.Delivery;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace BepBot.Features.Labs;

/// <summary>The edit form's fields, as Teams sends them (inputs are strings) with the revision the form was built from.</summary>
public sealed record SaveLabData(
    string LabId,
    int Revision,
    string Theme,
    string Title,
    string Description,
    string Date,
    string Start,
    string End,
    string Audience,
    string Capacity,
    string DeadlineDate,
    string DeadlineTime,
    string? Place = null,
    string? Link = null,
    string? Quota = null);

/// <summary>`labs.edit`: the lab's details in a form, prefilled.</summary>
public sealed class EditLab(LabBook book, CardCatalog cards, LabCards labCards, IStringLocalizer<LabsTexts> texts) : ICardActionHandler
{
    public async Task<Reply> HandleAsync(ChatTurn turn, JsonElement data, CancellationToken cancellationToken)
    {
        var lab = await book.FindAsync(CardData.Read<LabIdData>(data).LabId, cancellationToken);
        if (lab is null || lab.State == LabState.Cancelled)
        {
            return Reply.WithText(texts[lab is null ? "Lab_Unknown" : "Refusal_Cancelled"]);
        }

        var details = lab.Details;
        string Date(DateTimeOffset at) => BelgianTime.ToBrussels(at).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        string Time(DateTimeOffset at) => BelgianTime.ToBrussels(at).ToString("HH:mm", CultureInfo.InvariantCulture);
        return Reply.WithCard(cards.Render("labs/edit", new
        {
            Title = texts["Edit_Title", CardText.EscapeMarkdown(details.Title)].Value,
            Intro = texts["Edit_Intro"].Value,
            LabId = lab.Id,
            lab.Revision,
            Fields = new
            {
                Theme = details.Theme,
                Title = details.Title,
                details.Description,
                Date = Date(details.StartsAt),
                Start = Time(details.StartsAt),
                End = Time(details.EndsAt),
                Place = details.Place ?? string.Empty,
                Link = details.OnlineLink ?? string.Empty,
                Audience = details.Audience.ToString().ToLowerInvariant(),
                Capacity = lab.Capacity.ToString(CultureInfo.InvariantCulture),
                Quota = lab.CommuneQuota?.ToString(CultureInfo.InvariantCulture) ?? string.Empty,
                DeadlineDate = Date(details.RegistrationDeadline),
                DeadlineTime = Time(details.RegistrationDeadline),
            },
            Labels = new
            {
                Theme = texts["Field_Theme"].Value,
                Title = texts["Field_Title"].Value,
                Description = texts["Field_Description"].Value,
                Date = texts["Field_Date"].Value,
                Start = texts["Field_Start"].Value,
                End = texts["Field_End"].Value,
                Place = texts["Field_Place"].Value,
                Link = texts["Field_Link"].Value,
                Audience = texts["Field_Audience"].Value,
                Capacity = texts["Field_Capacity"].Value,
                Quota = texts["Field_QuotaInput"].Value,
                DeadlineDate = texts["Field_DeadlineDate"].Value,
                DeadlineTime = texts["Field_DeadlineTime"].Value,
                Required = texts["Field_Required"].Value,
            },
            Audiences = Enum.GetValues<LabAudience>().Select(audience => new { Title = labCards.Audience(audience), Value = audience.ToString().ToLowerInvariant() }).ToList(),
            SaveTitle = texts["Button_Save"].Value,
        }), texts["Edit_Title", details.Title]);
    }
}

/// <summary>`labs.save`: validates every field again on the server, refuses a stale form, and tells registrants when the date or place moved.</summary>
public sealed class SaveLab(
    LabBook book,
    LabRegistrants registrants,
    Broadcaster broadcaster,
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
        var capacity = LabInput.Capacity(request.Capacity);
        var (quotaValid, quota) = LabInput.Quota(request.Quota ?? string.Empty);
        var deadline = LabInput.Deadline(request.DeadlineDate + " " + request.DeadlineTime);
        string? error =
            request.Theme.Trim().Length is < 3 or > 100 ? "Create_BadTheme"
            : request.Title.Trim().Length is < 3 or > 150 ? "Create_BadTitle"
            : request.Description.Trim().Length is < 3 or > 2000 ? "Create_BadDescription"
            : date is null || start is null || end is null || end <= start ? "Create_BadWhen"
            : location is null ? "Create_BadWhere"
            : audience is null ? "Create_BadAudience"
            : capacity is null ? "Create_BadCapacity"
            : !quotaValid || quota > capacity ? "Create_BadQuota"
            : deadline is null ? "Create_BadDeadline"
            : null;
        if (error is not null)
        {
            throw new LabChangeRejectedException(Texts[error, 3, 150]);
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

        return moved && people.Count > 0 ? Texts["Edit_SavedTold", people.Count] : Texts["Edit_Saved"];
    }
}
