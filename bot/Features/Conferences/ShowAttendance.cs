using System.Text.Json;
using BepBot.Cards;
using BepBot.Chat;

namespace BepBot.Features.Conferences;

/// <summary>`conferences.attendance`: communes present or represented out of those in scope, per bassin, and the quorum.</summary>
public sealed class ShowAttendance(ConferenceAccess access, ConferenceStore store, ConferenceCards cards) : ICardActionHandler
{
    public Task<Reply> HandleAsync(ChatTurn turn, JsonElement data, CancellationToken cancellationToken) =>
        access.ShowAsync(turn, data, session => CardAsync(store, cards, session, cancellationToken), cancellationToken);

    public static async Task<System.Text.Json.Nodes.JsonObject> CardAsync(ConferenceStore store, ConferenceCards cards, ConferenceSession session, CancellationToken cancellationToken)
    {
        var texts = cards.Texts;
        var attendance = AttendanceCount.Of(session, await store.RsvpsAsync(session.Id, cancellationToken));
        var bassins = attendance.Bassins.Select(bassin => new
        {
            bassin.Bassin.Name,
            bassin.Bassin.ShortName,
            bassin.Present,
            bassin.Represented,
            bassin.Absent,
            Silent = bassin.Silent.Count,
            Line = (string)texts["Attendance_Line", bassin.Counted, bassin.Bassin.Communes.Count, bassin.Present, bassin.Represented, bassin.Absent, bassin.Silent.Count],
            Missing = bassin.Silent.Count == 0 ? string.Empty : (string)texts["Tally_Missing", string.Join(", ", bassin.Silent)],
        }).ToList();
        var counted = attendance.Counted;
        var reached = attendance.Reached;
        // One series per answer, one bar per bassin; the legend names the answer, so colour is never the only clue.
        object Series(string legend, string color, IEnumerable<(string Bassin, int Count)> counts) =>
            new { Legend = (string)texts[legend], Color = color, Values = counts.Select(count => new { X = count.Bassin, Y = count.Count }).ToList() };

        return cards.Render("conferences/attendance", new
        {
            Title = (string)texts["Attendance_Title", CardText.EscapeMarkdown(session.Title)],
            Subtitle = $"{cards.When(session)} · {cards.Quorum(session)}",
            SessionId = session.Id,
            ChartTitle = (string)texts["Attendance_ChartTitle"],
            BassinAxis = (string)texts["Chart_BassinAxis"],
            CommunesAxis = (string)texts["Chart_CommunesAxis"],
            Chart = new[]
            {
                Series("Attendance_Present", "good", bassins.Select(bassin => (bassin.ShortName, bassin.Present))),
                Series("Attendance_Represented", "categoricalBlue", bassins.Select(bassin => (bassin.ShortName, bassin.Represented))),
                Series("Attendance_Absent", "attention", bassins.Select(bassin => (bassin.ShortName, bassin.Absent))),
                Series("Attendance_Silent", "neutral", bassins.Select(bassin => (bassin.ShortName, bassin.Silent))),
            },
            Bassins = bassins.Select(bassin => new { bassin.Name, bassin.Line, bassin.Missing }).ToList(),
            // The needle on the count, the two zones named: below the quorum, quorum reached.
            Gauges = session.Quorum == QuorumRule.None ? [] : new[]
            {
                new
                {
                    Title = (string)texts["Attendance_GaugeTitle"],
                    Value = counted,
                    Max = session.CommunesInScope.Count,
                    SubLabel = (string)texts["Attendance_GaugeLabel"],
                    Segments = new[]
                    {
                        new { Legend = (string)texts["Attendance_GaugeBelow", session.QuorumNeeded], Size = session.QuorumNeeded, Color = "warning" },
                        new { Legend = (string)texts["Attendance_GaugeReached", session.QuorumNeeded], Size = session.CommunesInScope.Count - session.QuorumNeeded, Color = "good" },
                    },
                },
            },
            Total = (string)texts["Attendance_Total", counted, session.CommunesInScope.Count],
            Quorum = cards.QuorumStatus(session, attendance),
            Reached = reached,
            Refresh = (string)texts["Button_Refresh"],
        });
    }
}
