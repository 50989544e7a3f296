using System.Globalization;
using System.Text;
using System.Text.Json;
using BepBot.Chat;
using BepBot.Infrastructure.Exports;
using BepBot.Infrastructure.Time;
using CsvHelper;
using Microsoft.Extensions.Localization;

namespace BepBot.Features.Broadcasts;

/// <summary>`broadcasts.report`: the delivery report as CSV (who, when, outcome, reason), behind a download link.</summary>
public sealed class ExportDeliveryReport(BroadcastStore broadcasts, ExportStore exports, IStringLocalizer<ChatTexts> texts) : ICardActionHandler
{
    public async Task<Reply> HandleAsync(ChatTurn turn, JsonElement data, CancellationToken cancellationToken)
    {
        var broadcast = (await broadcasts.GetAsync(CardData.Read<BroadcastIdData>(data).BroadcastId, cancellationToken))?.Value;
        if (broadcast is null || broadcast.State is BroadcastState.Draft or BroadcastState.Cancelled)
        {
            return Reply.WithText(texts["Broadcast_Unknown"]);
        }

        var csv = ToCsv(await broadcasts.ListDeliveriesAsync(broadcast.Id, cancellationToken));
        var link = await exports.SaveAsync($"diffusion-{broadcast.Id}.csv", "text/csv; charset=utf-8", csv, cancellationToken);
        return Reply.WithText(texts["Broadcast_ReportReady", BepBot.Cards.CardText.EscapeMarkdown(broadcast.Title), link]);
    }

    public static byte[] ToCsv(IEnumerable<Delivery> deliveries)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var writer = CsvWriter.Create(text, new CsvWriterOptions()))
        {
            writer.WriteRecord(["destinataire", "resultat", "envoye_le", "tentatives", "raison"]);
            foreach (var delivery in deliveries.OrderBy(delivery => delivery.RecipientName, StringComparer.Create(BelgianTime.French, ignoreCase: true)))
            {
                writer.WriteRecord(
                [
                    delivery.RecipientName,
                    delivery.Status.ToString().ToLowerInvariant(),
                    delivery.SentAt is { } sent ? BelgianTime.ToBrussels(sent).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) : string.Empty,
                    delivery.Attempts.ToString(CultureInfo.InvariantCulture),
                    delivery.Reason ?? string.Empty,
                ]);
            }
        }

        // A BOM so that Excel opens the accents correctly.
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }
}
