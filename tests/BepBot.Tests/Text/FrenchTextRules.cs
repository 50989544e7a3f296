using System.Text;
using System.Text.RegularExpressions;

namespace BepBot.Tests.Text;

/// <summary>
/// What a French text the bot shows must not contain, checked on the finished text (written here independently of
/// the bot's own typography and elision code, so that a fault there shows up too). Each problem is named with the
/// part of the text around it.
/// </summary>
public static partial class FrenchTextRules
{
    // Singular words that end in s (« 1 fois », « 1 mois »), and pronouns after a value (« {0} vous confie »): not a
    // plural after « 1 ».
    private static readonly HashSet<string> SingularEndingInS = new(StringComparer.OrdinalIgnoreCase)
    {
        "vous", "nous", "fois", "mois", "pas", "avis", "cas", "temps", "sens", "accès", "succès", "procès", "progrès", "repas", "corps",
        "dos", "bras", "poids", "jus", "univers", "relais", "refus", "dans", "sans", "sous", "plus", "moins", "après",
        "depuis", "vers", "très", "mais", "puis", "lors", "alors",
    };

    // Words that start with a vowel but take no elision; « ou » is the conjunction of « la ou le bourgmestre »
    // (docs/glossary.md).
    private static readonly HashSet<string> NoElision = new(StringComparer.OrdinalIgnoreCase) { "onze", "oui", "ou" };

    // Names whose h is mute (see docs/french.md); every other h is aspirated (« de Havelange »).
    private static readonly HashSet<string> MuteH = new(StringComparer.OrdinalIgnoreCase) { "Hastière" };

    public static IReadOnlyList<string> Problems(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var problems = new List<string>();
        void Add(Regex pattern, string rule)
        {
            foreach (Match match in pattern.Matches(text))
            {
                problems.Add($"{rule}: «{Around(text, match)}»");
            }
        }

        Add(SpaceBeforePunctuation(), "ordinary space before ; ! ? : (no-break space expected)");
        Add(NoSpaceBeforePunctuation(), "no space before ; ! ? :");
        Add(WideSpaceBeforeShortPunctuation(), "no-break space before ; ! ? (narrow no-break space U+202F expected)");
        Add(NarrowSpaceBeforeColon(), "narrow space before : (no-break space U+00A0 expected)");
        Add(OpeningQuote(), "« not followed by a no-break space");
        Add(ClosingQuote(), "» not preceded by a no-break space");
        Add(OptionalPlural(), "« (s) » instead of a plural chosen by the count");
        Add(FirstOfMonth(), "« 1 <mois> » instead of « 1er <mois> »");
        Add(OldTime(), "time written 14h00 / 09 h (« 14 h », « 9 h 30 » expected)");
        Add(ColonTime(), "time written 14:00 after « à » (« 14 h » expected)");
        Add(SameYearRange(), "a range of one year");
        Add(ArticleBeforeParenthesis(), "« le (…) »: a missing value worded inside a sentence");
        foreach (Match match in OnePlural().Matches(text))
        {
            if (!SingularEndingInS.Contains(match.Groups["word"].Value))
            {
                problems.Add($"« 1 » with a plural: «{Around(text, match)}»");
            }
        }

        foreach (Match match in ElidableBeforeWord().Matches(text))
        {
            if (ShouldElide(match.Groups["word"].Value))
            {
                problems.Add($"« {match.Groups["article"].Value} » before « {match.Groups["word"].Value} » (elision expected): «{Around(text, match)}»");
            }
        }

        return problems;
    }

    private static bool ShouldElide(string word)
    {
        if (NoElision.Contains(word))
        {
            return false;
        }

        var first = char.ToLowerInvariant(word.Normalize(NormalizationForm.FormD)[0]);
        var second = word.Length > 1 ? char.ToLowerInvariant(word.Normalize(NormalizationForm.FormD)[1]) : ' ';
        return first switch
        {
            'a' or 'e' or 'i' or 'o' or 'u' => true,
            'y' => "aeiouy".IndexOf(second, StringComparison.Ordinal) < 0,
            'h' => MuteH.Contains(word),
            _ => false,
        };
    }

    private static string Around(string text, Match match)
    {
        var start = Math.Max(0, match.Index - 20);
        var end = Math.Min(text.Length, match.Index + match.Length + 20);
        return text[start..end].Replace('\u00A0', '⍽').Replace('\u202F', '·').Replace('\n', ' ');
    }

    [GeneratedRegex(@" [;!?:](?=\s|$|[*_)\]»""])")]
    private static partial Regex SpaceBeforePunctuation();

    [GeneratedRegex(@"(?<=[\p{L}\p{N})\]*_»""…])[;!?:](?=\s|$)")]
    private static partial Regex NoSpaceBeforePunctuation();

    [GeneratedRegex(@"(?<!«)\u00A0[;!?]")]
    private static partial Regex WideSpaceBeforeShortPunctuation();

    [GeneratedRegex(@"\u202F:")]
    private static partial Regex NarrowSpaceBeforeColon();

    [GeneratedRegex(@"«(?!\u00A0)")]
    private static partial Regex OpeningQuote();

    [GeneratedRegex(@"(?<!\u00A0)»")]
    private static partial Regex ClosingQuote();

    [GeneratedRegex(@"\((?:s|x|es)\)")]
    private static partial Regex OptionalPlural();

    [GeneratedRegex(@"(?<![\d,.])\b1 (janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre)\b")]
    private static partial Regex FirstOfMonth();

    [GeneratedRegex(@"\b\d{1,2}h\d\d\b|\b0\d[\s\u00A0]?h\b")]
    private static partial Regex OldTime();

    [GeneratedRegex(@"\bà \d{1,2}:\d\d\b")]
    private static partial Regex ColonTime();

    [GeneratedRegex(@"\b(\d{4}) à \1\b")]
    private static partial Regex SameYearRange();

    [GeneratedRegex(@"\b[Ll]e \(")]
    private static partial Regex ArticleBeforeParenthesis();

    [GeneratedRegex(@"(?<![\d,.\p{L}])1 (?<word>\p{L}+s)\b")]
    private static partial Regex OnePlural();

    [GeneratedRegex(@"(?<![\p{L}\p{M}'’-])(?<article>[Dd]e|[Qq]ue|[Ll]e|[Ll]a) (?:\*\*|\*|_)?(?<word>\p{L}[\p{L}\p{M}]*)")]
    private static partial Regex ElidableBeforeWord();
}
