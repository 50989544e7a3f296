using System.Globalization;
using System.Text.Json.Nodes;
using BepBot.Chat;
using BepBot.Chat.Dashboard;
using BepBot.Infrastructure.Telemetry;
using BepBot.Infrastructure.Time;
using Microsoft.Extensions.Localization;

namespace BepBot.Features.Labs.Dashboard;

/// <summary>
/// « Séminaires » in the staff tab: the labs with their fill rate, then one lab: registrations by commune, the
/// waiting list with « Donner une place », the exports and, on the day, the attendance list ticked as people arrive.
/// </summary>
public sealed partial class LabsBoard(LabBook book, LabCards labCards, IStringLocalizer<LabsTexts> texts, TimeProvider clock, ILogger<LabsBoard> logger) : IDashboardPage
{
    public const string PageName = "labs";

    // While registrations are open, seats fill and free up from chat: the page follows them.
    private const int OpenLabRefreshSeconds = 30;

    public string Name => PageName;

    public int MenuOrder => 40;

    public string Title => texts["Board_Title"];

    public bool IsFor(ChatUser user) => user.Role == Role.BepStaff;

    public static string LinkTo(string labId) => $"{PageName}?lab={labId}";

    public async Task<DashboardView> LoadAsync(DashboardRequest request, CancellationToken cancellationToken)
    {
        if (request["lab"] is not { } labId)
        {
            return await ListAsync(cancellationToken);
        }

        if (await book.FindAsync(labId, cancellationToken) is null)
        {
            LogUnknownLab(logger, labId, request.User.AadObjectId);
            return new DashboardView(texts["Board_UnknownTitle"], [new FactsBlock(texts["Board_UnknownTitle"], [], texts["Lab_Unknown"])], Back: PageName);
        }

        // Folds in any ticket whose writer gave up under contention, as the chat's registrants card does.
        return LabView(await book.TakeInAsync(labId, cancellationToken: cancellationToken));
    }

    private async Task<DashboardView> ListAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var culture = CultureInfo.CurrentUICulture;
        var rows = (await book.ListAsync(cancellationToken))
            .Where(lab => ListLabs.ShownToStaff(lab, now))
            .Select(lab =>
            {
                var confirmed = lab.Confirmed.Count();
                var waiting = lab.Waiting.Count();
                return new TableRow(
                    lab.Id,
                    new Dictionary<string, DashboardCell>
                    {
                        ["title"] = lab.Details.Title,
                        ["when"] = new(BelgianTime.FormatDateTime(lab.Details.StartsAt, culture), lab.Details.StartsAt.ToUnixTimeSeconds()),
                        ["state"] = new(texts["State_" + lab.State], Tone: lab.State == LabState.Cancelled ? CellTone.Bad : CellTone.Neutral),
                        ["fill"] = Fill(confirmed, lab.Capacity, culture),
                        ["waiting"] = new(waiting.ToString(culture), waiting, Tone: waiting > 0 ? CellTone.Warning : CellTone.Neutral),
                    },
                    Link: LinkTo(lab.Id));
            })
            .ToList();
        return new DashboardView(Title, [new TableBlock(
            texts["Board_ListHeading"],
            [
                new TableColumn("title", texts["Board_Column_Lab"]),
                new TableColumn("when", texts["Field_Date"]),
                new TableColumn("state", texts["Field_State"]),
                new TableColumn("fill", texts["Board_Column_Fill"], Numeric: true),
                new TableColumn("waiting", texts["Seats_Waiting"], Numeric: true),
            ],
            rows,
            texts["Board_ListEmpty"])]);
    }

    private DashboardView LabView(Lab lab)
    {
        var now = clock.GetUtcNow();
        var culture = CultureInfo.CurrentUICulture;
        var facts = labCards.Facts(lab, markdown: false).Select(fact => new Fact(fact.Label, fact.Value)).ToList();
        facts.Add(new Fact(texts["Board_Column_Fill"], Fill(lab.Confirmed.Count(), lab.Capacity, culture).Text));
        List<DashboardBlock> blocks =
        [
            new FactsBlock(texts["Board_DetailsHeading"], facts),
            Communes(lab, culture),
            People(lab, culture),
            Waiting(lab, culture),
        ];
        if (Attendance(lab, now) is { } attendance)
        {
            blocks.Add(attendance);
        }

        blocks.Add(new ButtonsBlock(texts["Board_ExportHeading"], [new DashboardButton(texts["Button_Export"], ExportLabLists.ActionVerb, new JsonObject { ["labId"] = lab.Id })]));
        return new DashboardView(lab.Details.Title, blocks, lab.IsOpenFor(now) ? OpenLabRefreshSeconds : null, PageName);
    }

    private TableBlock Communes(Lab lab, CultureInfo culture)
    {
        var rows = lab.Registrations
            .Where(registration => registration.IsActive)
            .GroupBy(registration => registration.Commune, StringComparer.Ordinal)
            .OrderBy(group => group.Key, StringComparer.Create(culture, ignoreCase: true))
            .Select(group =>
            {
                var confirmed = group.Count(registration => registration.Status == SeatStatus.Confirmed);
                var waiting = group.Count(registration => registration.Status == SeatStatus.Waiting);
                return new TableRow(group.Key, new Dictionary<string, DashboardCell>
                {
                    ["commune"] = group.Key,
                    ["confirmed"] = new(confirmed.ToString(culture), confirmed),
                    ["waiting"] = new(waiting.ToString(culture), waiting, Tone: waiting > 0 ? CellTone.Warning : CellTone.Neutral),
                });
            })
            .ToList();
        return new TableBlock(
            texts["Board_CommunesHeading"],
            [
                new TableColumn("commune", texts["Data_Commune"]),
                new TableColumn("confirmed", texts["Seats_Confirmed"], Numeric: true),
                new TableColumn("waiting", texts["Seats_Waiting"], Numeric: true),
            ],
            rows,
            texts["Registrants_Empty"]);
    }

    private TableBlock People(Lab lab, CultureInfo culture)
    {
        var rows = lab.Confirmed
            .OrderBy(registration => registration.Commune, StringComparer.Create(culture, ignoreCase: true))
            .ThenBy(registration => registration.Ordinal)
            .Select(registration => new TableRow(
                registration.AadObjectId,
                new Dictionary<string, DashboardCell>
                {
                    ["name"] = registration.Name,
                    ["received"] = new(BelgianTime.FormatDateTime(registration.ReceivedAt, culture), registration.ReceivedAt.ToUnixTimeSeconds()),
                    ["attendance"] = registration.Attended switch
                    {
                        true => new(texts["Attendance_Present"], Tone: CellTone.Good),
                        false => new(texts["Attendance_Absent"], Tone: CellTone.Warning),
                        null => new(texts["Board_NotNoted"]),
                    },
                },
                Group: registration.Commune))
            .ToList();
        return new TableBlock(
            texts["Board_PeopleHeading"],
            [
                new TableColumn("name", texts["Data_Name"]),
                new TableColumn("received", texts["Board_Column_Received"]),
                new TableColumn("attendance", texts["Board_Column_Attendance"]),
            ],
            rows,
            texts["Registrants_Empty"]);
    }

    private TableBlock Waiting(Lab lab, CultureInfo culture)
    {
        var canPromote = lab.State != LabState.Cancelled;
        var rows = lab.Waiting
            .Select(registration => (Registration: registration, Standing: lab.StandingOf(registration.AadObjectId)!))
            .Select(entry => new TableRow(
                entry.Registration.AadObjectId,
                new Dictionary<string, DashboardCell>
                {
                    ["position"] = new(entry.Standing.Position!.Value.ToString(culture), entry.Standing.Position),
                    ["name"] = entry.Registration.Name,
                    ["commune"] = entry.Registration.Commune,
                    ["reason"] = texts[entry.Standing.Reason == WaitReason.Quota ? "Board_ReasonQuota" : "Board_ReasonFull"].Value,
                },
                Buttons: canPromote
                    ?
                    [
                        new DashboardButton(
                            texts["Button_Promote"],
                            GiveSeat.ActionVerb,
                            new JsonObject { ["labId"] = lab.Id, ["aadObjectId"] = entry.Registration.AadObjectId },
                            Confirm: texts["Board_PromoteConfirm", entry.Registration.Name],
                            AccessibleLabel: texts["Board_PromoteLabel", entry.Registration.Name]),
                    ]
                    : null))
            .ToList();
        return new TableBlock(
            texts["Board_WaitingHeading"],
            [
                new TableColumn("position", texts["Board_Column_Position"], Numeric: true),
                new TableColumn("name", texts["Data_Name"]),
                new TableColumn("commune", texts["Data_Commune"]),
                new TableColumn("reason", texts["Board_Column_Reason"]),
            ],
            rows,
            texts["Board_WaitingEmpty"]);
    }

    /// <summary>Ticked on the day (the same rule as the chat's « Présent » / « Absent »); before it, a line that says when.</summary>
    private DashboardBlock? Attendance(Lab lab, DateTimeOffset now)
    {
        if (lab.State == LabState.Cancelled)
        {
            return null;
        }

        var heading = texts["Board_AttendanceHeading"];
        if (!lab.IsAttendanceDay(now))
        {
            return new FactsBlock(heading, [], texts["Attendance_NotYet"]);
        }

        var confirmed = lab.Confirmed.OrderBy(registration => registration.Name, StringComparer.Create(CultureInfo.CurrentUICulture, ignoreCase: true)).ToList();
        return new ChecklistBlock(
            heading,
            TickAttendance.ActionVerb,
            new Dictionary<string, string> { ["labId"] = lab.Id },
            [.. confirmed.Select(registration => new ChecklistItem(registration.AadObjectId, registration.Name, registration.Commune, registration.Attended == true))],
            texts["Board_AttendanceSummary", confirmed.Count(registration => registration.Attended == true), confirmed.Count]);
    }

    private DashboardCell Fill(int confirmed, int capacity, CultureInfo culture)
    {
        var ratio = capacity == 0 ? 0 : Math.Min(1, (double)confirmed / capacity);
        return new DashboardCell(texts["Board_Fill", confirmed, capacity, ratio.ToString("P0", culture)], ratio, ratio);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Dashboard: unknown lab {LabId} asked by {User}")]
    private static partial void LogUnknownLab(ILogger logger, [PseudonymousId] string labId, [PseudonymousId] string user);
}
