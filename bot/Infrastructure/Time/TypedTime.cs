using System.Text.RegularExpressions;

namespace BepBot.Infrastructure.Time;

/// <summary>
/// A time inside a typed date, as French writes it (« 14 h », « 9 h 30 », « 14h30 ») or as a clock does (« 14:30 »),
/// rewritten « 14:00 », « 9:30 »: the parsers then read one form, and the examples the bot gives can use the house style.
/// </summary>
public static partial class TypedTime
{
    public static string ToColon(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var spaced = text.Replace('\u00A0', ' ').Replace('\u202F', ' ');
        return FrenchTime().Replace(spaced, match => $"{match.Groups["h"].Value}:{(match.Groups["m"].Success ? match.Groups["m"].Value : "00")}");
    }

    [GeneratedRegex(@"(?<![\d/.:-])(?<h>\d{1,2}) ?[hH] ?(?<m>\d{2})?(?![\d\p{L}])")]
    private static partial Regex FrenchTime();
}
