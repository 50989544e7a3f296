using System.Globalization;
using BepBot.Chat;
using BepBot.Chat.Dashboard;
using BepBot.Infrastructure.Time;
using BepBot.Platform.Overview;
using Microsoft.Extensions.Localization;

namespace BepBot.Features.Labs.Dashboard;

/// <summary>« Vue d'ensemble »: the seminars to come, each with how full it is and how many wait for a seat.</summary>
public sealed class UpcomingLabsOverview(LabBook book, IStringLocalizer<LabsTexts> texts, TimeProvider clock) : IOverviewSection
{
    public int Order => 30;

    public async Task<IReadOnlyList<DashboardBlock>> DescribeAsync(ChatUser viewer, CancellationToken cancellationToken)
    {
        var culture = CultureInfo.CurrentUICulture;
        var now = clock.GetUtcNow();
        var rows = (await book.ListAsync(cancellationToken))
            .Where(lab => lab.State != LabState.Cancelled && lab.Details.EndsAt > now)
            .OrderBy(lab => lab.Details.StartsAt)
            .Select(lab =>
            {
                var confirmed = lab.Confirmed.Count();
                var fill = lab.Capacity == 0 ? 1 : (double)confirmed / lab.Capacity;
                return new TableRow(
                    lab.Id,
                    new Dictionary<string, DashboardCell>
                    {
                        ["title"] = lab.Details.Title,
                        ["date"] = new(BelgianTime.FormatDate(lab.Details.StartsAt, culture), lab.Details.StartsAt.ToUnixTimeSeconds()),
                        ["seats"] = new(texts["Seats_Title", confirmed, lab.Waiting.Count(), lab.SeatsLeft, lab.Capacity], confirmed, fill, fill >= 1 ? CellTone.Good : CellTone.Neutral),
                    });
            })
            .ToList();
        return
        [
            new TableBlock(
                texts["Section_Title"],
                [new("title", texts["Field_Title"]), new("date", texts["Field_Date"]), new("seats", texts["Field_Seats"], Numeric: true)],
                rows,
                texts["Section_Empty"]),
        ];
    }
}
