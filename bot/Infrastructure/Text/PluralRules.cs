using System.Globalization;

namespace BepBot.Infrastructure.Text;

/// <summary>
/// The CLDR plural category of a count, for the two languages BepBot speaks: in French (any language but English,
/// as the resources fall back to French) 0 and 1 are « one » (« 0 commune a voté »), in English only 1 is.
/// BepBot uses the categories « one » and « other » only.
/// </summary>
public static class PluralRules
{
    public const string One = "one";

    public const string Other = "other";

    public static string CategoryOf(decimal count, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(culture);
        var whole = decimal.Truncate(Math.Abs(count));
        return culture.TwoLetterISOLanguageName != "en"
            ? whole is 0 or 1 ? One : Other
            : count is 1 or -1 ? One : Other;
    }
}
