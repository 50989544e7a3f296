using System.Text;

namespace BepBot.Cards;

// Makes user or store text safe inside a markdown TextBlock (or FactSet value): it shows literally.
// CommonMark backslash escapes, which Teams and the official renderers honour. Links cannot form even
// where a client ignores escapes: "](" never survives as two adjacent characters.
public static class CardText
{
    public static string EscapeMarkdown(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        var result = new StringBuilder(text.Length + 16);
        var lineStart = true;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is '\n' or '\r')
            {
                result.Append(c);
                lineStart = true;
                continue;
            }

            if (lineStart)
            {
                // Up to three spaces may precede a block marker.
                if (c == ' ' && LeadingSpaces(text, i) < 4)
                {
                    result.Append(c);
                    continue;
                }

                lineStart = false;
                if (IsBlockMarker(text, i))
                {
                    result.Append('\\').Append(c); // heading, list item, quote, setext underline
                    continue;
                }

                if (char.IsAsciiDigit(c))
                {
                    // "1. " or "1) " starts an ordered list: escape the dot or parenthesis.
                    var end = i;
                    while (end < text.Length && char.IsAsciiDigit(text[end]))
                    {
                        end++;
                    }

                    result.Append(text, i, end - i);
                    if (end < text.Length && text[end] is '.' or ')' && EndsMarker(text, end + 1))
                    {
                        result.Append('\\').Append(text[end]);
                        end++;
                    }

                    i = end - 1;
                    continue;
                }
            }

            switch (c)
            {
                case '\\' or '*' or '_' or '`' or '[' or ']' or '~' or '<' or '&' or '|':
                    result.Append('\\').Append(c);
                    break;
                case '(' when i > 0 && text[i - 1] == ']':
                case '{' when i > 0 && text[i - 1] == '$':
                    result.Append('\\').Append(c); // "](" of a link, "${" of a template expression
                    break;
                default:
                    result.Append(c);
                    break;
            }
        }

        return result.ToString();
    }

    // At the start of a line: "# " (up to six #), "- ", "+ ", "---", ">" and a line of "=" are markdown blocks.
    private static bool IsBlockMarker(string text, int i)
    {
        switch (text[i])
        {
            case '>':
                return true;
            case '#':
                var end = i;
                while (end < text.Length && text[end] == '#')
                {
                    end++;
                }

                return end - i <= 6 && EndsMarker(text, end);
            case '-':
                return EndsMarker(text, i + 1) || (i + 1 < text.Length && text[i + 1] == '-');
            case '+':
                return EndsMarker(text, i + 1);
            case '=':
                var lineEnd = text.IndexOfAny(['\r', '\n'], i);
                return text[i..(lineEnd < 0 ? text.Length : lineEnd)].All(ch => ch is '=' or ' ' or '\t');
            default:
                return false;
        }
    }

    private static bool EndsMarker(string text, int index) =>
        index >= text.Length || text[index] is ' ' or '\t' or '\r' or '\n';

    private static int LeadingSpaces(string text, int index)
    {
        var start = index;
        while (start > 0 && text[start - 1] == ' ')
        {
            start--;
        }

        return index - start;
    }
}
