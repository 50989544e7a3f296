using System.Text.RegularExpressions;

namespace BepBot.Tests.Harness;

/// <summary>
/// Expected French texts written with ordinary spaces, turned into what the bot sends: a narrow no-break space
/// before « ; ! ? », a no-break space before « : », inside « » and in a time (« 9 h 30 », « 14 h »).
/// <c>Fr("Quel est le rôle d'Anne Dupont ?")</c> reads like the reply and compares with its real characters.
/// </summary>
public static partial class FrenchText
{
    public static string Fr(string text) =>
        Time().Replace(text, match => match.Value.Replace(' ', '\u00A0'))
            .Replace("« ", "«\u00A0", StringComparison.Ordinal)
            .Replace(" »", "\u00A0»", StringComparison.Ordinal)
            .Replace(" ;", "\u202F;", StringComparison.Ordinal)
            .Replace(" !", "\u202F!", StringComparison.Ordinal)
            .Replace(" ?", "\u202F?", StringComparison.Ordinal)
            .Replace(" :", "\u00A0:", StringComparison.Ordinal);

    [GeneratedRegex(@"\b\d{1,2} h( \d\d)?\b")]
    private static partial Regex Time();
}
