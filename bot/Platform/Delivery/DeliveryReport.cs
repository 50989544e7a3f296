using System.Globalization;
using System.Text;
using BepBot.Infrastructure.Time;
using CsvHelper;

namespace BepBot.Platform.Delivery;

/// <summary>A broadcast's delivery report as CSV (who, when, outcome, reason), opened in Excel by BEP staff.</summary>
public static class DeliveryReport
{
    public static byte[] ToCsv(IEnumerable<DeliveryRecord> deliveries)
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
