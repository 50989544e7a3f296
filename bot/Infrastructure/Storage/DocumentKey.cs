using System.Text.RegularExpressions;

namespace BepBot.Infrastructure.Storage;

/// <summary>
/// Keys are slash-separated segments of URL-safe characters, so the same key is a valid blob name and a
/// valid relative path, and cannot climb out of the store's folder. A segment may also be the shortened form a
/// store gives a long one (<see cref="DocumentKeyMapping"/>): listings return it, and it names the same document.
/// </summary>
public static partial class DocumentKey
{
    /// <summary>Room for a few ids of 1,000 characters of any script, escaped (up to 9 characters each).</summary>
    public const int MaxLength = 32 * 1024;

    public static string Validate(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.Length > MaxLength)
        {
            throw new InvalidDocumentKeyException(key, $"longer than {MaxLength} characters");
        }

        if (key.Length == 0 || !KeyPattern().IsMatch(key) || !key.Split('/').All(IsValidSegment))
        {
            throw new InvalidDocumentKeyException(key, "segments of letters, digits and % _ ~ . - separated by single slashes, none starting with a dot");
        }

        return key;
    }

    public static string ValidatePrefix(string prefix)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        if (prefix.Length > MaxLength || (prefix.Length > 0 && !PrefixPattern().IsMatch(prefix)))
        {
            throw new InvalidDocumentKeyException(prefix, "not a key prefix");
        }

        return prefix;
    }

    /// <summary>Turns any text (an AAD id, a Teams conversation id with ':' and ';') into one safe key segment.</summary>
    public static string Segment(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        // EscapeDataString keeps only RFC 3986 unreserved characters, which the key pattern allows.
        var escaped = Uri.EscapeDataString(value);
        return escaped.StartsWith('.') ? "%2E" + escaped[1..] : escaped;
    }

    private static bool IsValidSegment(string segment) =>
        segment.Contains(DocumentKeyMapping.HashMark, StringComparison.Ordinal)
            ? ShortenedSegmentPattern().IsMatch(segment)
            : !segment.StartsWith('.');

    [GeneratedRegex(@"^[A-Za-z0-9%_~.!\-]+(/[A-Za-z0-9%_~.!\-]+)*$")]
    private static partial Regex KeyPattern();

    [GeneratedRegex(@"^([A-Za-z0-9%_~.!\-]+/)*[A-Za-z0-9%_~.!\-]*$")]
    private static partial Regex PrefixPattern();

    [GeneratedRegex(@"^[A-Za-z0-9%_~\-][A-Za-z0-9%_~.\-]{99}![0-9a-f]{64}$")]
    private static partial Regex ShortenedSegmentPattern();
}
