using System.Diagnostics.CodeAnalysis;
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
        if (!HasReport(broadcast))
        {
            return Reply.WithText(texts["Broadcast_Unknown"]);
        }

        return await handout.ReplyAsync(
            turn,
            [FileOf(report, broadcast, await broadcasts.ListDeliveriesAsync(broadcast.Id, cancellationToken), turn.Culture)],
            links => texts["Broadcast_ReportReady", BepBot.Cards.CardText.EscapeMarkdown(broadcast.Title), links[0].Url, validity.Of(links[0])],
            Verb,
            new BroadcastIdData(broadcast.Id),
            cancellationToken);
    }

    /// <summary>A broadcast that went out (or is going out) has a report; a draft or a cancelled one has none.</summary>
    public static bool HasReport([NotNullWhen(true)] Broadcast? broadcast) =>
        broadcast is not null && broadcast.State is not (BroadcastState.Draft or BroadcastState.Cancelled);

    /// <summary>The report file, worded in <paramref name="culture"/> (the reader's language).</summary>
    public static ExportedFile FileOf(DeliveryReport report, Broadcast broadcast, IReadOnlyList<DeliveryRecord> deliveries, System.Globalization.CultureInfo culture) =>
        new(ExportContent.PersonalData, $"diffusion-{broadcast.Id}.csv", ExportTable.CsvContentType, report.ToCsv(deliveries, culture));
}
