using System.Globalization;

namespace BepBot.Infrastructure.Text;

/// <summary>The two languages BepBot speaks: French (fr-BE) unless a Teams client says English.</summary>
public static class Cultures
{
    public static CultureInfo French { get; } = CultureInfo.GetCultureInfo("fr-BE");

    public static CultureInfo English { get; } = CultureInfo.GetCultureInfo("en-GB");

    public static CultureInfo FromLocale(string? locale) =>
        locale is not null && locale.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? English : French;
}
