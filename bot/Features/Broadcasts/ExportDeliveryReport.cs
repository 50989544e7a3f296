using System.Text.Json;
using BepBot.Chat;
using BepBot.Infrastructure.Exports;
using BepBot.Platform.Delivery;
using Microsoft.Extensions.Localization;

namespace BepBot.Features.Broadcasts;

/// <summary>`broadcasts.report`: the delivery report as CSV (who, when, outcome, reason), behind a download link.</summary>
public sealed class ExportDeliveryReport(BroadcastStore broadcasts, ExportStore exports, LinkValidity validity, IStringLocalizer<BroadcastsTexts> texts) : ICardActionHandler
{
    public async Task<Reply> HandleAsync(ChatTurn turn, JsonElement data, CancellationToken cancellationToken)
    {
        var broadcast = (await broadcasts.GetAsync(CardData.Read<BroadcastIdData>(data).BroadcastId, cancellationToken))?.Value;
        if (broadcast is null || broadcast.State is BroadcastState.Draft or BroadcastState.Cancelled)
        {
            return Reply.WithText(texts["Broadcast_Unknown"]);
        }

        var csv = DeliveryReport.ToCsv(await broadcasts.ListDeliveriesAsync(broadcast.Id, cancellationToken));
        var link = await exports.SaveAsync(ExportContent.PersonalData, $"diffusion-{broadcast.Id}.csv", ExportTable.CsvContentType, csv, cancellationToken);
        return Reply.WithText(texts["Broadcast_ReportReady", BepBot.Cards.CardText.EscapeMarkdown(broadcast.Title), link.Url, validity.Of(link)]);
    }
}
