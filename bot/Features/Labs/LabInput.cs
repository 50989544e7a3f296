using System.Globalization;
using System.Text.RegularExpressions;
using BepBot.Chat.Flows;
using BepBot.Infrastructure.Text;
using BepBot.Infrastructure.Time;

namespace BepBot.Features.Labs;

/// <summary>What staff type for a lab, read the Belgian way (dates d/m/yyyy, times 14h00 or 14:00, Brussels time).</summary>
public static partial class LabInput
{
    public static IReadOnlyList<string> SeedThemes { get; } =
    [
        "Cybersécurité dans les communes",
        "Gestion du patrimoine du culte",
        "Partenariats public-privé",
        "Commerces de proximité",
        "Mutualisation des services supports",
    ];

    private static readonly string[] DateFormats = ["d/M/yyyy", "d-M-yyyy", "d.M.yyyy", "yyyy-MM-dd"];

    public static DateOnly? Date(string text) =>
        DateOnly.TryParseExact(text.Trim(), DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;

    public static TimeOnly? Time(string text)
    {
        var match = TimePattern().Match(text.Trim());
        if (!match.Success)
        {
            return null;
        }

        var hour = int.Parse(match.Groups["h"].Value, CultureInfo.InvariantCulture);
        var minute = match.Groups["m"].Success ? int.Parse(match.Groups["m"].Value, CultureInfo.InvariantCulture) : 0;
        return hour < 24 && minute < 60 ? new TimeOnly(hour, minute) : null;
    }

    public static DateTimeOffset Instant(DateOnly date, TimeOnly time)
    {
        var local = date.ToDateTime(time, DateTimeKind.Unspecified);
        return new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(local, BelgianTime.Zone), TimeSpan.Zero);
    }

    /// <summary>"12/03/2027 14h00-16h30" (an end is optional: two hours by default).</summary>
    public static (DateTimeOffset Start, DateTimeOffset End)? Schedule(string text)
    {
        var match = SchedulePattern().Match(text.Trim());
        if (!match.Success || Date(match.Groups["date"].Value) is not { } date || Time(match.Groups["start"].Value) is not { } start)
        {
            return null;
        }

        var end = match.Groups["end"].Success ? Time(match.Groups["end"].Value) : start.AddHours(2);
        if (end is null || end <= start)
        {
            return null;
        }

        return (Instant(date, start), Instant(date, end.Value));
    }

    /// <summary>"12/03/2027 12h00", or a date alone (then the end of that day).</summary>
    public static DateTimeOffset? Deadline(string text)
    {
        var parts = text.Trim().Split(' ', 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (parts.Length == 0 || Date(parts[0]) is not { } date)
        {
            return null;
        }

        var time = parts.Length == 2 ? Time(parts[1]) : new TimeOnly(23, 59);
        return time is null ? null : Instant(date, time.Value);
    }

    /// <summary>A place, an online link (http/https), or both separated by " ; ".</summary>
    public static (string? Place, string? Link)? Location(string text)
    {
        var trimmed = text.Trim();
        var link = LinkPattern().Match(trimmed);
        var place = (link.Success ? trimmed.Remove(link.Index, link.Length) : trimmed).Trim(' ', ';', ',', '-');
        if (link.Success && !Uri.TryCreate(link.Value, UriKind.Absolute, out _))
        {
            return null;
        }

        if (place.Length > 200)
        {
            return null;
        }

        return place.Length == 0 && !link.Success ? null : (place.Length == 0 ? null : place, link.Success ? link.Value : null);
    }

    public static LabAudience? Audience(string text) => TextFolding.Fold(text) switch
    {
        "officers" or "personnel communal" or "le personnel communal" or "commune staff" or "agents" or "agents communaux" or "les agents communaux" => LabAudience.Officers,
        "bourgmestres" or "mayors" or "les bourgmestres" => LabAudience.Bourgmestres,
        "everyone" or "tous" or "tout le monde" or "personnel communal et bourgmestres" or "commune staff and mayors" or "agents et bourgmestres" => LabAudience.Everyone,
        _ => null,
    };

    public static int? Capacity(string text) =>
        int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value is >= 1 and <= 5000 ? value : null;

    /// <summary>Null: no quota. Refused (false) when it is neither a number nor the skip word (or "pas de quota").</summary>
    public static (bool Valid, int? Quota) Quota(string text)
    {
        var folded = TextFolding.Fold(text);
        if (folded is "" or "0" or "pas de quota" || SkipWord.Matches(text))
        {
            return (true, null);
        }

        return Capacity(text) is { } value ? (true, value) : (false, null);
    }

    [GeneratedRegex(@"^(?<h>\d{1,2})\s*(?:[h:]\s*(?<m>\d{2})?)?$", RegexOptions.IgnoreCase)]
    private static partial Regex TimePattern();

    [GeneratedRegex(@"^(?<date>\S+)\s+(?:de\s+|à\s+|a\s+)?(?<start>\d{1,2}\s*[h:]?\s*\d{0,2})\s*(?:(?:-|–|à|a|to)\s*(?<end>\d{1,2}\s*[h:]?\s*\d{0,2}))?$", RegexOptions.IgnoreCase)]
    private static partial Regex SchedulePattern();

    [GeneratedRegex(@"https?://\S+", RegexOptions.IgnoreCase)]
    private static partial Regex LinkPattern();
}
