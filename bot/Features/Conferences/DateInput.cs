using System.Globalization;
using BepBot.Infrastructure.Text;
using BepBot.Infrastructure.Time;

namespace BepBot.Features.Conferences;

/// <summary>Dates as staff type them ("12/03/2027 14 h", "12/03/2027 14h30", "12/03/2027 14:00", "2027-03-12 14:00"), read in Europe/Brussels.</summary>
public static class DateInput
{
    private static readonly string[] Formats =
    [
        "d/M/yyyy H:mm", "d/M/yyyy 'à' H:mm",
        "d-M-yyyy H:mm", "d.M.yyyy H:mm", "yyyy-MM-dd H:mm", "yyyy-MM-dd'T'HH:mm",
    ];

    public static DateTimeOffset? Parse(string input)
    {
        var text = TypedTime.ToColon(input.Trim()).Replace("  ", " ", StringComparison.Ordinal);
        if (!DateTime.TryParseExact(text, Formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            return null;
        }

        if (BelgianTime.Zone.IsInvalidTime(local))
        {
            return null;
        }

        return new DateTimeOffset(local, BelgianTime.Zone.GetUtcOffset(local)).ToUniversalTime();
    }

    /// <summary>"2h30", "2 h", "150", "90 min" → minutes.</summary>
    public static int? ParseMinutes(string input)
    {
        var text = TextFolding.Fold(input).Replace(" ", string.Empty, StringComparison.Ordinal).Replace("min", string.Empty, StringComparison.Ordinal);
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var minutes))
        {
            return minutes;
        }

        var parts = text.Split('h');
        return parts.Length == 2
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var hours)
            && (parts[1].Length == 0 || int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out minutes))
            ? (hours * 60) + (parts[1].Length == 0 ? 0 : minutes)
            : null;
    }

    public static string ToValue(DateTimeOffset instant) => instant.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);

    public static DateTimeOffset FromValue(string value) => DateTimeOffset.FromUnixTimeSeconds(long.Parse(value, CultureInfo.InvariantCulture));
}
