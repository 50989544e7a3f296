using System.Text.Json;
using BepBot.Chat;
using BepBot.Infrastructure.Exports;
using BepBot.Platform.Delivery;
using Microsoft.Extensions.Localization;

namespace BepBot.Features.Broadcasts;

/// <summary>`broadcasts.report`: the delivery report as CSV (who, commune, outcome, when, reason) in the reader's language, behind a download link.</summary>
public sealed class ExportDeliveryReport(BroadcastStore broadcasts, DeliveryReport report, ExportHandout handout, LinkValidity validity, IStringLocalizer<BroadcastsTexts> texts) : ICardActionHandler
{
    public const string Verb = "broadcasts.report";

    public async Task<Reply> HandleAsync(ChatTurn turn, JsonElement data, CancellationToken cancellationToken)
    {
        var broadcast = (await broadcasts.GetAsync(CardData.Read<BroadcastIdData>(data).BroadcastId, cancellationToken))?.Value;
        if (broadcast is null || broadcast.State is BroadcastState.Draft or BroadcastState.Cancelled)
        {
            return Reply.WithText(texts["Broadcast_Unknown"]);
        }

        var csv = report.ToCsv(await broadcasts.ListDeliveriesAsync(broadcast.Id, cancellationToken), turn.Culture);
        return await handout.ReplyAsync(
            turn,
            [new ExportedFile(ExportContent.PersonalData, $"diffusion-{broadcast.Id}.csv", ExportTable.CsvContentType, csv)],
            links => texts["Broadcast_ReportReady", BepBot.Cards.CardText.EscapeMarkdown(broadcast.Title), links[0].Url, validity.Of(links[0])],
            Verb,
            new BroadcastIdData(broadcast.Id),
            cancellationToken);
    }
}
