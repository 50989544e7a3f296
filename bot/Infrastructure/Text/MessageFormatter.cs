using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace BepBot.Infrastructure.Text;

/// <summary>
/// Puts values into a resource text, the one way every text of the bot is worded:
/// <list type="number">
/// <item>plural forms chosen by a count, written as ICU MessageFormat writes them:
/// « {0, plural, one {# commune a voté} other {# communes ont voté}} » (<c>#</c> is the count; <c>=0 {…}</c> picks an
/// exact value). Only this « plural » part of ICU is understood: the libraries that implement it (SmartFormat,
/// MessageFormat.NET) are not on our package feed, and the rest of a text keeps .NET's {0} placeholders;</item>
/// <item>in French, the text's own spacing (<see cref="FrenchTypography"/>), before any value is put in, so that a
/// name or a title someone typed is shown as typed;</item>
/// <item>in French, « de », « que », « le », « la » just before a value elide when the value asks for it
/// (<see cref="FrenchElision"/>): « bourgmestre de {0} » gives « bourgmestre d'Andenne »;</item>
/// <item>the values, formatted in the current culture as <see cref="string.Format(IFormatProvider, string, object[])"/> does.</item>
/// </list>
/// </summary>
public static partial class MessageFormatter
{
    // French unless English: any other culture reads the neutral resources, which are French (Cultures.FromLocale).
    public static bool IsFrench(CultureInfo language) => language.TwoLetterISOLanguageName != "en";

    /// <summary>A text without values, in <paramref name="language"/>: French spacing in French, as it is otherwise.</summary>
    public static string Typeset(string text, CultureInfo language) =>
        IsFrench(language) ? FrenchTypography.Apply(text) : text;

    /// <summary>Items of a list that may hold commas, separated by « ; » (with its French space in French).</summary>
    public static string JoinList(IEnumerable<string> items, CultureInfo language) =>
        string.Join(IsFrench(language) ? $"{FrenchTypography.NarrowNoBreakSpace}; " : "; ", items);

    public static string Format(string pattern, CultureInfo language, IFormatProvider formatting, params object?[] arguments)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        ArgumentNullException.ThrowIfNull(language);
        ArgumentNullException.ThrowIfNull(arguments);
        var text = Typeset(SelectPlurals(pattern, language, arguments), language);
        if (IsFrench(language))
        {
            text = ElisionBeforeValue().Replace(text, match =>
                FrenchElision.Elides(string.Format(formatting, "{0" + match.Groups["spec"].Value + "}", ArgumentAt(arguments, match.Groups["index"].Value)))
                    ? Elided(match.Groups["word"].Value) + match.Groups["value"].Value
                    : match.Value);
        }

        return string.Format(formatting, text, arguments);
    }

    // "de " -> "d'", "que " -> "qu'", "La " -> "L'".
    private static string Elided(string word) => word.TrimEnd()[..^1] + "'";

    private static object? ArgumentAt(object?[] arguments, string index)
    {
        var position = int.Parse(index, CultureInfo.InvariantCulture);
        return position < arguments.Length
            ? arguments[position]
            : throw new FormatException($"The text refers to value {position} but was given {arguments.Length}.");
    }

    private static string SelectPlurals(string pattern, CultureInfo language, object?[] arguments)
    {
        if (!pattern.Contains("plural", StringComparison.Ordinal))
        {
            return pattern;
        }

        var result = new StringBuilder(pattern.Length);
        var i = 0;
        while (i < pattern.Length)
        {
            if (pattern[i] == '{' && i + 1 < pattern.Length && pattern[i + 1] == '{')
            {
                result.Append("{{");
                i += 2;
                continue;
            }

            var start = pattern[i] == '{' ? PluralStart().Match(pattern, i) : null;
            if (start is not { Success: true })
            {
                result.Append(pattern[i]);
                i++;
                continue;
            }

            var index = start.Groups["index"].Value;
            var count = Convert.ToDecimal(ArgumentAt(arguments, index), CultureInfo.InvariantCulture);
            var (branches, end) = Branches(pattern, start.Index + start.Length);
            var chosen = branches.GetValueOrDefault("=" + count.ToString(CultureInfo.InvariantCulture))
                ?? branches.GetValueOrDefault(PluralRules.CategoryOf(count, language))
                ?? branches.GetValueOrDefault(PluralRules.Other)
                ?? throw new FormatException($"The plural of value {index} has no \"other\" form: {pattern}");
            result.Append(SelectPlurals(chosen, language, arguments).Replace("#", "{" + index + "}", StringComparison.Ordinal));
            i = end;
        }

        return result.ToString();
    }

    // " one {…} other {…}}" from just after "{0, plural,": the forms by selector, and the index after the closing brace.
    private static (Dictionary<string, string> Branches, int End) Branches(string pattern, int from)
    {
        var branches = new Dictionary<string, string>(StringComparer.Ordinal);
        var i = from;
        while (true)
        {
            while (i < pattern.Length && char.IsWhiteSpace(pattern[i]))
            {
                i++;
            }

            if (i >= pattern.Length)
            {
                throw new FormatException($"Unterminated plural: {pattern}");
            }

            if (pattern[i] == '}')
            {
                return (branches, i + 1);
            }

            var selectorStart = i;
            while (i < pattern.Length && pattern[i] != '{' && !char.IsWhiteSpace(pattern[i]))
            {
                i++;
            }

            var selector = pattern[selectorStart..i];
            while (i < pattern.Length && char.IsWhiteSpace(pattern[i]))
            {
                i++;
            }

            if (selector.Length == 0 || i >= pattern.Length || pattern[i] != '{')
            {
                throw new FormatException($"A plural form must read \"selector {{text}}\": {pattern}");
            }

            var depth = 0;
            var bodyStart = i + 1;
            for (; i < pattern.Length; i++)
            {
                depth += pattern[i] switch { '{' => 1, '}' => -1, _ => 0 };
                if (depth == 0)
                {
                    break;
                }
            }

            if (depth != 0)
            {
                throw new FormatException($"Unbalanced braces in a plural form: {pattern}");
            }

            branches[selector] = pattern[bodyStart..i];
            i++;
        }
    }

    [GeneratedRegex(@"\G\{(?<index>\d+)\s*,\s*plural\s*,")]
    private static partial Regex PluralStart();

    // « de {0} », « que **{1}** », « le {2:d} »: an elidable word, a space, perhaps emphasis, then a value.
    [GeneratedRegex(@"(?<![\p{L}\p{M}'’-])(?<word>[Dd]e |[Qq]ue |[Ll]e |[Ll]a )(?<value>(?:\*\*|\*|_)?\{(?<index>\d+)(?<spec>[,:][^{}]*)?\})")]
    private static partial Regex ElisionBeforeValue();
}
