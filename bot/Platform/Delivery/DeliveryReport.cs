using System.Globalization;
using BepBot.Infrastructure.Exports;
using BepBot.Infrastructure.Time;

namespace BepBot.Platform.Delivery;

/// <summary>A broadcast's delivery report as CSV (who, when, outcome, reason), opened in Excel by BEP staff.</summary>
public static class DeliveryReport
{
    public static byte[] ToCsv(IEnumerable<DeliveryRecord> deliveries)
    {
        var table = new ExportTable("destinataire", "resultat", "envoye_le", "tentatives", "raison");
        foreach (var delivery in deliveries.OrderBy(delivery => delivery.RecipientName, StringComparer.Create(BelgianTime.French, ignoreCase: true)))
        {
            table.Add(
                delivery.RecipientName,
                delivery.Status.ToString().ToLowerInvariant(),
                delivery.SentAt is { } sent ? BelgianTime.ToBrussels(sent).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) : string.Empty,
                delivery.Attempts,
                delivery.Reason);
        }

        return table.ToCsv();
    }
}
