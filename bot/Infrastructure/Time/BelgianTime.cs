using System.Globalization;

namespace BepBot.Infrastructure.Time;

/// <summary>Dates and times as Belgian users read them, always in Europe/Brussels whatever the server's zone.</summary>
public static class BelgianTime
{
    public static TimeZoneInfo Zone { get; } = TimeZoneInfo.FindSystemTimeZoneById("Europe/Brussels");

    public static CultureInfo French { get; } = CultureInfo.GetCultureInfo("fr-BE");

    public static DateTimeOffset ToBrussels(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone);

    /// <summary>The first <paramref name="day"/> at least <paramref name="atLeastDays"/> days after <paramref name="now"/> (Brussels dates), at <paramref name="time"/> Brussels time.</summary>
    public static DateTimeOffset Next(DayOfWeek day, DateTimeOffset now, int atLeastDays, TimeOnly time)
    {
        var date = DateOnly.FromDateTime(ToBrussels(now).DateTime).AddDays(atLeastDays);
        date = date.AddDays(((int)day - (int)date.DayOfWeek + 7) % 7);
        return new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(date.ToDateTime(time, DateTimeKind.Unspecified), Zone), TimeSpan.Zero);
    }

    /// <summary>"jeudi 12 mars 2026 à 14h00" (fr) or "Thursday 12 March 2026 at 14:00" (en).</summary>
    public static string FormatDateTime(DateTimeOffset instant, CultureInfo culture)
    {
        var local = ToBrussels(instant);
        return IsEnglish(culture)
            ? local.ToString("dddd d MMMM yyyy 'at' HH:mm", CultureInfo.GetCultureInfo("en-GB"))
            : local.ToString("dddd d MMMM yyyy 'à' HH'h'mm", French);
    }

    /// <summary>"jeudi 12 mars 2026" (fr) or "Thursday 12 March 2026" (en).</summary>
    public static string FormatDate(DateTimeOffset instant, CultureInfo culture) =>
        ToBrussels(instant).ToString("dddd d MMMM yyyy", IsEnglish(culture) ? CultureInfo.GetCultureInfo("en-GB") : French);

    /// <summary>"12 mars 2026" (fr) or "12 March 2026" (en): where many dates are listed.</summary>
    public static string FormatDay(DateTimeOffset instant, CultureInfo culture) =>
        ToBrussels(instant).ToString("d MMMM yyyy", IsEnglish(culture) ? CultureInfo.GetCultureInfo("en-GB") : French);

    /// <summary>"14h00" (fr) or "14:00" (en).</summary>
    public static string FormatTime(DateTimeOffset instant, CultureInfo culture) =>
        ToBrussels(instant).ToString(IsEnglish(culture) ? "HH:mm" : "HH'h'mm", CultureInfo.InvariantCulture);

    private static bool IsEnglish(CultureInfo culture) => culture.TwoLetterISOLanguageName == "en";
}
