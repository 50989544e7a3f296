using BepBot.Chat;
using BepBot.Chat.Dashboard;
using BepBot.Platform.Overview;
using BepBot.Platform.Territory;

namespace BepBot.Features.Conferences.Dashboard;

/// <summary>
/// « Vue d'ensemble »: the next Conférence des Bourgmestres, its communes' answers per bassin and where the quorum
/// stands (the same counts as the chat's `conferences.attendance`), or how many answered its date poll.
/// </summary>
public sealed class NextConferenceOverview(ConferenceStore store, ConferenceCards cards, TimeProvider clock) : IOverviewSection
{
    public int Order => 10;

    public async Task<IReadOnlyList<DashboardBlock>> DescribeAsync(ChatUser viewer, CancellationToken cancellationToken)
    {
        var texts = cards.Texts;
        var now = clock.GetUtcNow();
        var next = (await store.ListAsync(cancellationToken))
            .Where(session => session.State != ConferenceState.Cancelled && !session.IsPast(now))
            .OrderBy(session => session.StartsAt ?? ListConferences.FirstCandidate(session))
            .FirstOrDefault();
        if (next is null)
        {
            return [new FactsBlock(texts["Section_Title"], [], texts["Section_None"])];
        }

        if (next.State == ConferenceState.DatePoll)
        {
            var answered = (await store.PollAnswersAsync(next.Id, cancellationToken)).Where(answer => next.InScope(answer.Commune)).Select(answer => answer.Commune).Distinct().Count();
            return [new FactsBlock(texts["Section_Title"], [new(next.Title, texts["Tally_Subtitle", answered, next.CommunesInScope.Count])], cards.When(next))];
        }

        var rsvps = (await store.RsvpsAsync(next.Id, cancellationToken)).Where(rsvp => next.InScope(rsvp.Commune)).ToDictionary(rsvp => rsvp.Commune, StringComparer.Ordinal);
        var rows = new List<TableRow>();
        var counted = 0;
        foreach (var bassin in TerritoryMap.Bassins.Where(bassin => next.BassinId is null || bassin.Id == next.BassinId))
        {
            int Count(RsvpAnswer answer) => bassin.Communes.Count(commune => rsvps.TryGetValue(commune, out var rsvp) && rsvp.Answer == answer);
            var present = Count(RsvpAnswer.Present);
            var represented = Count(RsvpAnswer.Represented);
            var silent = bassin.Communes.Count(commune => !rsvps.ContainsKey(commune));
            counted += present + represented;
            rows.Add(new TableRow(
                bassin.Id,
                new Dictionary<string, DashboardCell>
                {
                    ["bassin"] = bassin.ShortName,
                    ["answers"] = new(
                        texts["Attendance_Line", present + represented, bassin.Communes.Count, present, represented, Count(RsvpAnswer.Absent), silent],
                        present + represented,
                        (double)(present + represented) / bassin.Communes.Count),
                }));
        }

        var quorum = next.Quorum == QuorumRule.None
            ? new Fact(texts["Attendance_GaugeTitle"], texts["Attendance_NoQuorum"])
            : counted >= next.QuorumNeeded
                ? new Fact(texts["Attendance_GaugeTitle"], texts["Attendance_Reached", next.QuorumNeeded], CellTone.Good)
                : new Fact(texts["Attendance_GaugeTitle"], texts["Attendance_NotReached", next.QuorumNeeded, next.QuorumNeeded - counted], CellTone.Warning);
        return
        [
            new FactsBlock(
                texts["Section_Title"],
                [new(next.Title, cards.When(next)), new(texts["Attendance_GaugeLabel"], texts["Attendance_Total", counted, next.CommunesInScope.Count]), quorum]),
            new TableBlock(
                texts["Attendance_ChartTitle"],
                [new("bassin", texts["Chart_BassinAxis"]), new("answers", texts["Attendance_GaugeLabel"], Numeric: true)],
                rows,
                texts["Section_None"]),
        ];
    }
}
