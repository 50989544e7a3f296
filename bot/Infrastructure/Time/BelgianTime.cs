using System.Globalization;

namespace BepBot.Infrastructure.Time;

/// <summary>Dates and times as Belgian users read them, always in Europe/Brussels whatever the server's zone.</summary>
public static class BelgianTime
{
    public static TimeZoneInfo Zone { get; } = TimeZoneInfo.FindSystemTimeZoneById("Europe/Brussels");

    public static CultureInfo French { get; } = CultureInfo.GetCultureInfo("fr-BE");

    private static CultureInfo English { get; } = CultureInfo.GetCultureInfo("en-GB");

    public static DateTimeOffset ToBrussels(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone);

    /// <summary>The first <paramref name="day"/> at least <paramref name="atLeastDays"/> days after <paramref name="now"/> (Brussels dates), at <paramref name="time"/> Brussels time.</summary>
    public static DateTimeOffset Next(DayOfWeek day, DateTimeOffset now, int atLeastDays, TimeOnly time)
    {
        var date = DateOnly.FromDateTime(ToBrussels(now).DateTime).AddDays(atLeastDays);
        date = date.AddDays(((int)day - (int)date.DayOfWeek + 7) % 7);
        return new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(date.ToDateTime(time, DateTimeKind.Unspecified), Zone), TimeSpan.Zero);
    }

    // In French, one style everywhere (docs/french.md): « lundi 1er mars 2027 à 9 h 30 », « 14 h » for a full hour,
    // no leading zero, no-break spaces inside a time so that « 9 h » and « 30 » never part at a line's end.

    /// <summary>"lundi 1er mars 2027 à 9 h 30" (fr) or "Monday 1 March 2027 at 09:30" (en).</summary>
    public static string FormatDateTime(DateTimeOffset instant, CultureInfo culture) =>
        IsEnglish(culture)
            ? ToBrussels(instant).ToString("dddd d MMMM yyyy 'at' HH:mm", English)
            : $"{FormatDate(instant, culture)} à {FormatTime(instant, culture)}";

    /// <summary>"lundi 1er mars 2027" (fr) or "Monday 1 March 2027" (en).</summary>
    public static string FormatDate(DateTimeOffset instant, CultureInfo culture) =>
        IsEnglish(culture)
            ? ToBrussels(instant).ToString("dddd d MMMM yyyy", English)
            : $"{ToBrussels(instant).ToString("dddd", French)} {FormatDay(instant, culture)}";

    /// <summary>"1er mars 2027", "12 mars 2027" (fr) or "12 March 2027" (en): where many dates are listed.</summary>
    public static string FormatDay(DateTimeOffset instant, CultureInfo culture)
    {
        var local = ToBrussels(instant);
        return IsEnglish(culture)
            ? local.ToString("d MMMM yyyy", English)
            : $"{(local.Day == 1 ? "1er" : local.Day.ToString(CultureInfo.InvariantCulture))} {local.ToString("MMMM yyyy", French)}";
    }

    /// <summary>"9 h 30", "14 h" (fr) or "09:30", "14:00" (en).</summary>
    public static string FormatTime(DateTimeOffset instant, CultureInfo culture)
    {
        var local = ToBrussels(instant);
        return IsEnglish(culture)
            ? local.ToString("HH:mm", CultureInfo.InvariantCulture)
            : Hours(local.Hour, local.Minute);
    }

    /// <summary>"2 h", "1 h 30", "45 min" (the same in both languages).</summary>
    public static string FormatDuration(int minutes) =>
        minutes < 60 ? string.Create(CultureInfo.InvariantCulture, $"{minutes}\u00A0min") : Hours(minutes / 60, minutes % 60);

    private static string Hours(int hours, int minutes) =>
        minutes == 0
            ? string.Create(CultureInfo.InvariantCulture, $"{hours}\u00A0h")
            : string.Create(CultureInfo.InvariantCulture, $"{hours}\u00A0h\u00A0{minutes:00}");

    private static bool IsEnglish(CultureInfo culture) => culture.TwoLetterISOLanguageName == "en";
}
