using System.Globalization;
using Microsoft.Extensions.Localization;

namespace BepBot.Infrastructure.Text;

/// <summary>Singular or plural wording chosen by a count, instead of « destinataire(s) ».</summary>
public static class CountedTexts
{
    /// <summary>
    /// <paramref name="key"/>_One or <paramref name="key"/>_Other: in French zero takes the singular (« 0 destinataire »),
    /// in English the plural (« 0 recipients »). The language is the current UI culture's.
    /// </summary>
    public static string Counted(this IStringLocalizer texts, string key, int count, params object[] arguments)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var singular = count == 1 || (count == 0 && CultureInfo.CurrentUICulture.TwoLetterISOLanguageName != "en");
        return texts[key + (singular ? "_One" : "_Other"), arguments];
    }
}
