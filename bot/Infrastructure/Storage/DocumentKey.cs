using System.Text.RegularExpressions;

namespace BepBot.Infrastructure.Storage;

/// <summary>
/// Keys are slash-separated segments of URL-safe characters, so the same key is a valid blob name and a
/// valid relative path, and cannot climb out of the store's folder.
/// </summary>
public static partial class DocumentKey
{
    public const int MaxLength = 512;

    public static string Validate(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.Length is 0 or > MaxLength || !KeyPattern().IsMatch(key))
        {
            throw new ArgumentException($"Invalid document key '{key}'.", nameof(key));
        }

        foreach (var segment in key.Split('/'))
        {
            if (segment is "." or ".." || segment.StartsWith('.'))
            {
                throw new ArgumentException($"Invalid document key '{key}'.", nameof(key));
            }
        }

        return key;
    }

    public static string ValidatePrefix(string prefix)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        if (prefix.Length > 0 && !PrefixPattern().IsMatch(prefix))
        {
            throw new ArgumentException($"Invalid document key prefix '{prefix}'.", nameof(prefix));
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

    [GeneratedRegex(@"^[A-Za-z0-9%_~.\-]+(/[A-Za-z0-9%_~.\-]+)*$")]
    private static partial Regex KeyPattern();

    [GeneratedRegex(@"^([A-Za-z0-9%_~.\-]+/)*[A-Za-z0-9%_~.\-]*$")]
    private static partial Regex PrefixPattern();
}
