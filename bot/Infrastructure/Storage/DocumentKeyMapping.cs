using System.Security.Cryptography;
using System.Text;

namespace BepBot.Infrastructure.Storage;

/// <summary>
/// The name under which a store keeps the document of a key (a blob name, a path under the folder), within the
/// store's limits. A segment that fits is kept as it is, so every document stored before long keys were mapped
/// keeps its name. A longer segment becomes its first <see cref="ReadablePrefixLength"/> characters, '!', and the
/// SHA-256 of the whole segment in lower-case hex: two different segments never share a name, even when they share
/// a long start or differ only in case, and no kept segment looks like a shortened one since '!' is in no segment
/// <see cref="DocumentKey.Segment"/> or our key literals make. Each segment is mapped on its own, so a listing
/// prefix maps the same way as the keys under it. docs/architecture.md, « Storage ».
/// </summary>
public sealed class DocumentKeyMapping
{
    /// <summary>Also written in <see cref="DocumentKey"/>'s pattern of shortened segments.</summary>
    public const int ReadablePrefixLength = 100;

    public const char HashMark = '!';

    private const int ShortenedLength = ReadablePrefixLength + 1 + 64;

    private readonly int _maxSegmentLength;
    private readonly int _maxNameLength;

    public DocumentKeyMapping(int maxSegmentLength, int maxNameLength)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxSegmentLength, ShortenedLength);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxNameLength, maxSegmentLength);
        _maxSegmentLength = maxSegmentLength;
        _maxNameLength = maxNameLength;
    }

    public string NameOf(string key)
    {
        DocumentKey.Validate(key);
        if (key.Length <= _maxSegmentLength)
        {
            return key;
        }

        var name = string.Join('/', key.Split('/').Select(NameOfSegment));
        return name.Length <= _maxNameLength
            ? name
            : throw new InvalidDocumentKeyException(key, $"its stored name would be longer than the {_maxNameLength} characters this store allows");
    }

    /// <summary>The prefix of the names of the keys under <paramref name="prefix"/>.</summary>
    public string PrefixOf(string prefix)
    {
        DocumentKey.ValidatePrefix(prefix);
        var lastSlash = prefix.LastIndexOf('/');
        if (prefix.Length - lastSlash - 1 > ReadablePrefixLength)
        {
            // Beyond the readable part, the names of long segments no longer start with the prefix.
            throw new InvalidDocumentKeyException(prefix, $"a listing prefix ends with '/' or within the first {ReadablePrefixLength} characters of a segment");
        }

        return lastSlash < 0
            ? prefix
            : string.Join('/', prefix[..lastSlash].Split('/').Select(NameOfSegment)) + prefix[lastSlash..];
    }

    private string NameOfSegment(string segment) =>
        segment.Length <= _maxSegmentLength
            ? segment
            : segment[..ReadablePrefixLength] + HashMark + Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(segment)));
}
