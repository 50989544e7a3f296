using System.Globalization;
using BepBot.Chat;
using BepBot.Chat.Dashboard;
using BepBot.Infrastructure.Telemetry;
using BepBot.Infrastructure.Time;
using BepBot.Platform.Procurations;
using BepBot.Platform.Territory;
using Microsoft.Extensions.Localization;

namespace BepBot.Features.Conferences.Dashboard;

/// <summary>
/// « Conférences » in the staff tab: the sessions, then one session: each commune's answer grouped by bassin, the
/// procurations, the quorum per bassin (the count the chat's attendance card shows), the date poll while it runs, and
/// the agenda.
/// </summary>
public sealed partial class ConferencesBoard(
    ConferenceStore store,
    ConferenceCards cards,
    AgendaView agenda,
    ProcurationBook procurations,
    IStringLocalizer<ConferencesTexts> texts,
    TimeProvider clock,
    ILogger<ConferencesBoard> logger) : IDashboardPage
{
    public const string PageName = "conferences";

    // Answers come in from chat until the session starts: the page follows them.
    private const int OpenSessionRefreshSeconds = 30;

    public string Name => PageName;

    public int MenuOrder => 30;

    public string Title => texts["Board_Title"];

    public bool IsFor(ChatUser user) => user.Role == Role.BepStaff;

    public async Task<DashboardView> LoadAsync(DashboardRequest request, CancellationToken cancellationToken)
    {
        if (request["session"] is not { } sessionId)
        {
            var (upcoming, past) = ListConferences.Split(await store.ListAsync(cancellationToken), clock.GetUtcNow());
            return new DashboardView(Title, [Sessions(texts["List_Upcoming"], upcoming), Sessions(texts["List_Past"], past)]);
        }

        if (await store.GetAsync(sessionId, cancellationToken) is not { } session)
        {
            LogUnknownSession(logger, sessionId, request.User.AadObjectId);
            return new DashboardView(texts["Board_UnknownTitle"], [new FactsBlock(texts["Board_UnknownTitle"], [], texts["Error_UnknownSession"])], Back: PageName);
        }

        return await SessionAsync(session, cancellationToken);
    }

    private TableBlock Sessions(string heading, IReadOnlyList<ConferenceSession> sessions)
    {
        var now = clock.GetUtcNow();
        var rows = sessions.Select(session => new TableRow(
            session.Id,
            new Dictionary<string, DashboardCell>
            {
                ["title"] = session.Title,
                ["when"] = new(cards.When(session), (session.StartsAt ?? ListConferences.FirstCandidate(session)).ToUnixTimeSeconds()),
                ["scope"] = session.Bassin?.ShortName ?? texts["Scope_ProvinceShort"],
                ["quorum"] = cards.Quorum(session),
                ["state"] = State(session, now),
            },
            Link: $"{PageName}?session={session.Id}")).ToList();
        return new TableBlock(
            heading,
            [
                new TableColumn("title", texts["Board_Column_Session"]),
                new TableColumn("when", texts["Fact_When"]),
                new TableColumn("scope", texts["Fact_Scope"]),
                new TableColumn("quorum", texts["Fact_Quorum"]),
                new TableColumn("state", texts["Fact_State"]),
            ],
            rows,
            texts["List_Empty"]);
    }

    private DashboardCell State(ConferenceSession session, DateTimeOffset now) => session.State switch
    {
        ConferenceState.Cancelled => new DashboardCell(texts["State_Cancelled"], Tone: CellTone.Bad),
        ConferenceState.DatePoll => new DashboardCell(texts["Board_StatePoll"], Tone: CellTone.Warning),
        _ when session.IsPast(now) => new DashboardCell(texts["Board_StatePast"]),
        _ => new DashboardCell(texts["Board_StateScheduled"], Tone: CellTone.Good),
    };

    private async Task<DashboardView> SessionAsync(ConferenceSession session, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var facts = cards.Facts(session, forStaff: true, markdown: false).Select(fact => new Fact(fact.Title, fact.Value)).ToList();
        facts.Add(new Fact(texts["Board_AgendaFact"], session.AgendaPublications == 0 ? texts["Agenda_NotPublished"] : texts["Agenda_Published", session.AgendaPublications]));
        facts.Insert(0, new Fact(texts["Fact_State"], State(session, now).Text));
        List<DashboardBlock> blocks = [new FactsBlock(texts["Board_SessionHeading"], facts)];
        if (session.State == ConferenceState.DatePoll)
        {
            blocks.AddRange(Poll(session, await store.PollAnswersAsync(session.Id, cancellationToken)));
        }
        else
        {
            var answers = await store.RsvpsAsync(session.Id, cancellationToken);
            var attendance = AttendanceCount.Of(session, answers);
            blocks.Add(Quorum(session, attendance));
            blocks.Add(Bassins(attendance));
            blocks.Add(Answers(session, answers));
        }

        blocks.Add(Procurations(await procurations.ListAsync(ProcurationScope.Session, session.Id, cancellationToken)));
        blocks.Add(Agenda(session));
        return new DashboardView(session.Title, blocks, session.IsOpenForAnswers(now) ? OpenSessionRefreshSeconds : null, PageName);
    }

    private FactsBlock Quorum(ConferenceSession session, AttendanceCount attendance) => new(
        texts["Fact_Quorum"],
        [
            new Fact(texts["Board_QuorumRule"], cards.Quorum(session)),
            new Fact(texts["Board_Column_Counted"], texts["Board_Counted", attendance.Counted, attendance.InScope]),
            new Fact(
                texts["Fact_State"],
                cards.QuorumStatus(session, attendance),
                session.Quorum == QuorumRule.None ? CellTone.Neutral : attendance.Reached ? CellTone.Good : CellTone.Warning),
        ]);

    private TableBlock Bassins(AttendanceCount attendance)
    {
        var culture = CultureInfo.CurrentUICulture;
        DashboardCell Count(int count) => new(count.ToString(culture), count);
        var rows = attendance.Bassins.Select(bassin => new TableRow(
            bassin.Bassin.Id,
            new Dictionary<string, DashboardCell>
            {
                ["bassin"] = bassin.Bassin.Name,
                ["present"] = Count(bassin.Present),
                ["represented"] = Count(bassin.Represented),
                ["absent"] = Count(bassin.Absent),
                ["silent"] = new(bassin.Silent.Count.ToString(culture), bassin.Silent.Count, Tone: bassin.Silent.Count > 0 ? CellTone.Warning : CellTone.Neutral),
                ["counted"] = new(
                    texts["Board_Counted", bassin.Counted, bassin.Bassin.Communes.Count],
                    bassin.Counted,
                    (double)bassin.Counted / bassin.Bassin.Communes.Count),
            })).ToList();
        return new TableBlock(
            texts["Board_BassinsHeading"],
            [
                new TableColumn("bassin", texts["Chart_BassinAxis"]),
                new TableColumn("present", texts["Attendance_Present"], Numeric: true),
                new TableColumn("represented", texts["Attendance_Represented"], Numeric: true),
                new TableColumn("absent", texts["Attendance_Absent"], Numeric: true),
                new TableColumn("silent", texts["Attendance_Silent"], Numeric: true),
                new TableColumn("counted", texts["Board_Column_Counted"], Numeric: true),
            ],
            rows,
            texts["List_Empty"]);
    }

    private TableBlock Answers(ConferenceSession session, IReadOnlyList<Rsvp> rsvps)
    {
        var culture = CultureInfo.CurrentUICulture;
        var byCommune = rsvps.Where(rsvp => session.InScope(rsvp.Commune)).ToDictionary(rsvp => rsvp.Commune, StringComparer.Ordinal);
        var rows = InScope(session).Select(commune =>
        {
            var rsvp = byCommune.GetValueOrDefault(commune.Name);
            return new TableRow(
                commune.Name,
                new Dictionary<string, DashboardCell>
                {
                    ["commune"] = commune.Name,
                    ["answer"] = rsvp switch
                    {
                        null => new DashboardCell(texts["Board_NoAnswer"], Tone: CellTone.Warning),
                        { Answer: RsvpAnswer.Present } => new DashboardCell(texts["Rsvp_Present"], Tone: CellTone.Good),
                        { Answer: RsvpAnswer.Represented } => new DashboardCell(texts["Rsvp_Represented", rsvp.HolderName ?? "?"], Tone: CellTone.Good),
                        _ => new DashboardCell(texts["Rsvp_Absent"]),
                    },
                    ["by"] = rsvp?.Name ?? string.Empty,
                    ["at"] = rsvp is null ? string.Empty : new DashboardCell(BelgianTime.FormatDateTime(rsvp.AnsweredAt, culture), rsvp.AnsweredAt.ToUnixTimeSeconds()),
                },
                Group: commune.Bassin.Name);
        }).ToList();
        return new TableBlock(
            texts["Board_AnswersHeading"],
            [
                new TableColumn("commune", texts["Board_Column_Commune"]),
                new TableColumn("answer", texts["Board_Column_Answer"]),
                new TableColumn("by", texts["Board_Column_AnsweredBy"]),
                new TableColumn("at", texts["Board_Column_AnsweredAt"]),
            ],
            rows,
            texts["List_Empty"]);
    }

    /// <summary>While the date poll runs: the tally per candidate date, then each commune's availability.</summary>
    private IEnumerable<DashboardBlock> Poll(ConferenceSession session, IReadOnlyList<PollAnswer> allAnswers)
    {
        var culture = CultureInfo.CurrentUICulture;
        var answers = allAnswers.Where(answer => session.InScope(answer.Commune)).ToDictionary(answer => answer.Commune, StringComparer.Ordinal);
        int Count(int index, PollChoice choice) => answers.Values.Count(answer => index < answer.Choices.Count && answer.Choices[index] == choice);
        DashboardCell Counted(int index, PollChoice choice) => new(Count(index, choice).ToString(culture), Count(index, choice));
        var dates = session.CandidateDates.Select((date, index) => new TableRow(
            "d" + index.ToString(CultureInfo.InvariantCulture),
            new Dictionary<string, DashboardCell>
            {
                ["date"] = new(cards.Date(date), date.ToUnixTimeSeconds()),
                ["yes"] = Counted(index, PollChoice.Yes),
                ["maybe"] = Counted(index, PollChoice.Maybe),
                ["no"] = Counted(index, PollChoice.No),
            })).ToList();
        yield return new TableBlock(
            texts["Board_PollHeading"],
            [
                new TableColumn("date", texts["Tally_DatesAxis"]),
                new TableColumn("yes", texts["Tally_Yes"], Numeric: true),
                new TableColumn("maybe", texts["Tally_Maybe"], Numeric: true),
                new TableColumn("no", texts["Tally_No"], Numeric: true),
            ],
            dates,
            texts["List_Empty"]);

        DashboardCell Choice(PollAnswer? answer, int index) => answer is null || index >= answer.Choices.Count
            ? new DashboardCell(texts["Board_NoAnswer"], Tone: CellTone.Warning)
            : answer.Choices[index] switch
            {
                PollChoice.Yes => new DashboardCell(texts["Tally_Yes"], Tone: CellTone.Good),
                PollChoice.Maybe => texts["Tally_Maybe"].Value,
                _ => texts["Tally_No"].Value,
            };
        var communes = InScope(session).Select(commune =>
        {
            var answer = answers.GetValueOrDefault(commune.Name);
            var cells = new Dictionary<string, DashboardCell> { ["commune"] = commune.Name };
            for (var index = 0; index < session.CandidateDates.Count; index++)
            {
                cells["d" + index.ToString(CultureInfo.InvariantCulture)] = Choice(answer, index);
            }

            return new TableRow(commune.Name, cells, Group: commune.Bassin.Name);
        }).ToList();
        yield return new TableBlock(
            texts["Board_PollAnswersHeading"],
            [
                new TableColumn("commune", texts["Board_Column_Commune"]),
                .. session.CandidateDates.Select((date, index) => new TableColumn("d" + index.ToString(CultureInfo.InvariantCulture), cards.Date(date))),
            ],
            communes,
            texts["List_Empty"]);
    }

    private TableBlock Procurations(IReadOnlyList<Procuration> given)
    {
        var culture = CultureInfo.CurrentUICulture;
        var rows = given
            .OrderBy(procuration => procuration.GiverCommune, StringComparer.Create(culture, ignoreCase: true))
            .Select(procuration => new TableRow(
                procuration.GiverCommune,
                new Dictionary<string, DashboardCell>
                {
                    ["commune"] = procuration.GiverCommune,
                    ["giver"] = procuration.GiverName,
                    ["holder"] = procuration.HolderCommune is { } commune ? texts["Board_HolderOf", procuration.HolderName, commune] : procuration.HolderName,
                    ["at"] = new(BelgianTime.FormatDateTime(procuration.GivenAt, culture), procuration.GivenAt.ToUnixTimeSeconds()),
                }))
            .ToList();
        return new TableBlock(
            texts["Board_ProcurationsHeading"],
            [
                new TableColumn("commune", texts["Board_Column_Commune"]),
                new TableColumn("giver", texts["Board_Column_Giver"]),
                new TableColumn("holder", texts["Board_Column_Holder"]),
                new TableColumn("at", texts["Board_Column_GivenAt"]),
            ],
            rows,
            texts["Board_ProcurationsEmpty"]);
    }

    private TableBlock Agenda(ConferenceSession session)
    {
        var culture = CultureInfo.CurrentUICulture;
        var times = agenda.Times(session.StartsAt, session.Agenda);
        var rows = session.Agenda.Select((item, index) => new TableRow(
            item.Id,
            new Dictionary<string, DashboardCell>
            {
                ["position"] = new((index + 1).ToString(culture), index + 1),
                ["time"] = times[index],
                ["item"] = item.Title,
                ["details"] = agenda.Details(item, markdown: false),
            })).ToList();
        return new TableBlock(
            texts["Board_AgendaHeading"],
            [
                new TableColumn("position", texts["Board_Column_Position"], Numeric: true),
                new TableColumn("time", texts["Board_Column_Time"]),
                new TableColumn("item", texts["Board_Column_Item"]),
                new TableColumn("details", texts["Board_Column_Details"]),
            ],
            rows,
            texts["Agenda_Empty"]);
    }

    private static IEnumerable<Commune> InScope(ConferenceSession session) =>
        TerritoryMap.Communes.Where(commune => session.InScope(commune.Name));

    [LoggerMessage(Level = LogLevel.Warning, Message = "Dashboard: unknown conference {SessionId} asked by {User}")]
    private static partial void LogUnknownSession(ILogger logger, [PseudonymousId] string sessionId, [PseudonymousId] string user);
}
