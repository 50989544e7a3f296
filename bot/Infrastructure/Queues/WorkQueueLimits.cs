using System.Text.RegularExpressions;

namespace BepBot.Infrastructure.Queues;

/// <summary>
/// The Azure Storage Queues rules, enforced by both implementations so that code tried on the local folder
/// does not fail first in the cloud.
/// </summary>
public static partial class WorkQueueLimits
{
    public const int MaxMessagesPerReceive = 32;

    /// <summary>The service takes 64 KiB of Base64 text, which is 48 KiB of raw bytes.</summary>
    public const int MaxBodyBytes = 48 * 1024;

    public static readonly TimeSpan MinVisibilityTimeout = TimeSpan.FromSeconds(1);

    public static readonly TimeSpan MaxVisibilityTimeout = TimeSpan.FromDays(7);

    /// <summary>Lower-cases the name and checks it is a valid Azure queue name (3–63 of a–z, 0–9 and single inner hyphens).</summary>
    public static string NormalizeName(string queueName)
    {
        ArgumentNullException.ThrowIfNull(queueName);
        var name = queueName.ToLowerInvariant();
        if (!NamePattern().IsMatch(name))
        {
            throw new ArgumentException(
                $"Invalid queue name '{queueName}': 3 to 63 letters, digits and single hyphens, starting and ending with a letter or digit.",
                nameof(queueName));
        }

        return name;
    }

    public static void ValidateBody(BinaryData body)
    {
        ArgumentNullException.ThrowIfNull(body);
        if (body.ToMemory().Length > MaxBodyBytes)
        {
            throw new ArgumentException($"A queue message holds at most {MaxBodyBytes} bytes; store larger payloads in the document store.", nameof(body));
        }
    }

    public static void ValidateDelay(TimeSpan delay, string parameterName)
    {
        if (delay < TimeSpan.Zero || delay > MaxVisibilityTimeout)
        {
            throw new ArgumentOutOfRangeException(parameterName, delay, $"Must be between 0 and {MaxVisibilityTimeout.TotalDays} days.");
        }
    }

    public static void ValidateReceive(int maxMessages, TimeSpan visibilityTimeout)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxMessages, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxMessages, MaxMessagesPerReceive);
        if (visibilityTimeout < MinVisibilityTimeout || visibilityTimeout > MaxVisibilityTimeout)
        {
            throw new ArgumentOutOfRangeException(nameof(visibilityTimeout), visibilityTimeout, "Must be between 1 second and 7 days.");
        }
    }

    [GeneratedRegex("^(?=.{3,63}$)[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex NamePattern();
}
