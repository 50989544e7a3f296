using System.Globalization;
using Microsoft.Extensions.Localization;

namespace BepBot.Features.Roster;

/// <summary>A count with its noun in the singular or the plural: texts {key}_One and {key}_Many, each with {0}.</summary>
internal static class CountedText
{
    // French puts zero in the singular (« 0 personne ajoutée »), English in the plural ("0 people added").
    public static string Of(IStringLocalizer texts, string key, int count) =>
        texts[$"{key}_{(count == 1 || (count == 0 && CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "fr") ? "One" : "Many")}", count];
}
