using System.Globalization;
using System.Text;
using System.Text.Json;
using BepBot.Chat;
using BepBot.Infrastructure.Exports;
using BepBot.Infrastructure.Time;
using BepBot.Platform.Delivery;
using CsvHelper;
using Microsoft.Extensions.Localization;

namespace BepBot.Features.Broadcasts;

/// <summary>`broadcasts.report`: the delivery report as CSV (who, when, outcome, reason), behind a download link.</summary>
public sealed class ExportDeliveryReport(BroadcastStore broadcasts, ExportStore exports, IStringLocalizer<BroadcastsTexts> texts) : ICardActionHandler
{
    public async Task<Reply> HandleAsync(ChatTurn turn, JsonElement data, CancellationToken cancellationToken)
    {
        var broadcast = (await broadcasts.GetAsync(CardData.Read<BroadcastIdData>(data).BroadcastId, cancellationToken))?.Value;
        if (broadcast is null || broadcast.State is BroadcastState.Draft or BroadcastState.Cancelled)
        {
            return Reply.WithText(texts["Broadcast_Unknown"]);
        }

        var csv = DeliveryReport.ToCsv(await broadcasts.ListDeliveriesAsync(broadcast.Id, cancellationToken));
        var link = await exports.SaveAsync($"diffusion-{broadcast.Id}.csv", "text/csv; charset=utf-8", csv, cancellationToken);
        return Reply.WithText(texts["Broadcast_ReportReady", BepBot.Cards.CardText.EscapeMarkdown(broadcast.Title), link]);
    }
}
