using System.Text;

namespace BepBot.Infrastructure.Text;

/// <summary>
/// French spacing around punctuation, applied to our own French texts (resources, before any value is put in them):
/// a narrow no-break space (U+202F) before « ; ! ? », a no-break space (U+00A0) before « : » and inside « ».
/// An ordinary space there is replaced, a missing one added; without it Teams may wrap « ? » onto a line of its own.
/// </summary>
public static class FrenchTypography
{
    public const char NoBreakSpace = '\u00A0';

    public const char NarrowNoBreakSpace = '\u202F';

    private const string Punctuation = ";:!?";

    public static string Apply(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var result = new StringBuilder(text.Length + 8);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var next = i + 1 < text.Length ? text[i + 1] : '\n';
            switch (c)
            {
                case ' ' when next is '»' || (i > 0 && text[i - 1] == '«'):
                case ' ' when next is ':' && IsClosingAt(text, i + 1):
                    result.Append(NoBreakSpace);
                    break;
                case ' ' when next is ';' or '!' or '?' && IsClosingAt(text, i + 1):
                    result.Append(NarrowNoBreakSpace);
                    break;
                case ';' or '!' or '?' when NeedsSpaceBefore(result) && EndsClauseAt(text, i):
                    result.Append(NarrowNoBreakSpace).Append(c);
                    break;
                case ':' when NeedsSpaceBefore(result) && EndsClauseAt(text, i):
                case '»' when result.Length > 0 && !char.IsWhiteSpace(result[^1]) && result[^1] != '«':
                    result.Append(NoBreakSpace).Append(c);
                    break;
                case '«' when !char.IsWhiteSpace(next):
                    result.Append(c).Append(NoBreakSpace);
                    break;
                default:
                    result.Append(c);
                    break;
            }
        }

        return result.ToString();
    }

    // A mark that ends a clause is followed by a space, a line break, the end, or a closing mark: « Quoi ? », « (oui !) »,
    // « **Date :** ». Otherwise it is not French punctuation: https://, 14:00, Graph:*, commune;indicateur, ![image].
    private static bool IsClosingAt(string text, int index)
    {
        for (var i = index + 1; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                return true;
            }

            if (c is not ('*' or '_' or ')' or ']' or '»' or '"' or '.' or ',') && !Punctuation.Contains(c, StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    // Where no space was written, only a mark followed by a space, the end or a closing bracket or quote is French
    // punctuation: « Graph:* » and « **Titre:** » are left as written.
    private static bool EndsClauseAt(string text, int index) =>
        index + 1 >= text.Length || char.IsWhiteSpace(text[index + 1]) || text[index + 1] is ')' or '»' or '"';

    // After a word, a number, a placeholder or a closing mark; not after a space, a line start or another mark (« ?! »).
    private static bool NeedsSpaceBefore(StringBuilder written)
    {
        if (written.Length == 0)
        {
            return false;
        }

        var previous = written[^1];
        return !char.IsWhiteSpace(previous) && !Punctuation.Contains(previous, StringComparison.Ordinal) && previous is not ('(' or '[' or '«' or '/' or '\'');
    }
}
