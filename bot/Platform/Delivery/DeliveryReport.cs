using System.Globalization;
using BepBot.Infrastructure.Exports;
using BepBot.Infrastructure.Text;
using BepBot.Infrastructure.Time;
using Microsoft.Extensions.Localization;

namespace BepBot.Platform.Delivery;

/// <summary>
/// A broadcast's delivery report as CSV (who, their commune, outcome, when, attempts, why), opened in Excel by BEP
/// staff, in the language of whoever downloads it: it is a working list, not a record that must read the same for all.
/// </summary>
public sealed class DeliveryReport(IStringLocalizer<DeliveryTexts> texts, DeliveryReasons reasons)
{
    public byte[] ToCsv(IEnumerable<DeliveryRecord> deliveries, CultureInfo culture)
    {
        ExportTable table;
        using (CultureScope.Use(culture))
        {
            table = new ExportTable(
                texts["Report_Recipient"].Value, texts["Report_Commune"].Value, texts["Report_Result"].Value, texts["Report_SentAt"].Value, texts["Report_Attempts"].Value, texts["Report_Reason"].Value);
        }

        var byName = StringComparer.Create(culture, ignoreCase: true);
        foreach (var delivery in deliveries.OrderBy(delivery => delivery.RecipientName, byName).ThenBy(delivery => delivery.Commune, byName))
        {
            string result;
            using (CultureScope.Use(culture))
            {
                result = texts["Report_" + delivery.Status].Value;
            }

            table.Add(
                delivery.RecipientName,
                delivery.Commune ?? string.Empty,
                result,
                delivery.SentAt is { } sent ? BelgianTime.ToBrussels(sent).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) : string.Empty,
                delivery.Attempts,
                reasons.Describe(delivery, culture));
        }

        return table.ToCsv();
    }
}
