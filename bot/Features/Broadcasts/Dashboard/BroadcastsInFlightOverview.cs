using System.Globalization;
using BepBot.Chat;
using BepBot.Chat.Dashboard;
using BepBot.Infrastructure.Time;
using BepBot.Platform.Delivery;
using BepBot.Platform.Overview;
using Microsoft.Extensions.Localization;

namespace BepBot.Features.Broadcasts.Dashboard;

/// <summary>« Vue d'ensemble »: the broadcasts being sent or scheduled, each with how far its deliveries have got.</summary>
public sealed class BroadcastsInFlightOverview(
    BroadcastStore broadcasts, IStringLocalizer<BroadcastsTexts> texts, IStringLocalizer<DeliveryTexts> deliveryTexts) : IOverviewSection
{
    public int Order => 40;

    public async Task<IReadOnlyList<DashboardBlock>> DescribeAsync(ChatUser viewer, CancellationToken cancellationToken)
    {
        var culture = CultureInfo.CurrentUICulture;
        var rows = new List<TableRow>();
        await foreach (var broadcast in broadcasts.ListAsync(cancellationToken))
        {
            // Card updates are the engine's housekeeping, not something staff sent.
            if (broadcast.State is not (BroadcastState.Sending or BroadcastState.Scheduled) || broadcast.Updates is not null)
            {
                continue;
            }

            var progress = await broadcasts.ListProgressAsync(broadcast.Id, cancellationToken);
            var done = progress.Sum(item => item.Final);
            var failed = progress.Sum(item => item.Failed);
            var when = broadcast.StartedAt ?? broadcast.ScheduledFor ?? broadcast.CreatedAt;
            rows.Add(new TableRow(
                broadcast.Id,
                new Dictionary<string, DashboardCell>
                {
                    ["title"] = broadcast.Title,
                    ["state"] = new(deliveryTexts["BroadcastState_" + broadcast.State], (int)broadcast.State),
                    ["when"] = new(BelgianTime.FormatDateTime(when, culture), when.ToUnixTimeSeconds()),
                    ["progress"] = broadcast.State == BroadcastState.Scheduled || broadcast.RecipientCount == 0
                        ? new DashboardCell("-", 0)
                        : new DashboardCell(
                            texts["Overview_Progress", done, broadcast.RecipientCount, failed, progress.Sum(item => item.Unreachable)],
                            done,
                            (double)done / broadcast.RecipientCount,
                            failed > 0 ? CellTone.Warning : CellTone.Neutral),
                }));
        }

        return
        [
            new TableBlock(
                texts["Overview_InFlight"],
                [
                    new("title", texts["Overview_Column_Broadcast"]),
                    new("state", texts["Overview_Column_State"]),
                    new("when", texts["Overview_Column_When"]),
                    new("progress", texts["Overview_Column_Progress"], Numeric: true),
                ],
                rows,
                texts["Overview_NoneInFlight"]),
        ];
    }
}
