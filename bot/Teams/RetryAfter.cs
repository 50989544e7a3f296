using System.Net.Http.Headers;

namespace BepBot.Teams;

/// <summary>The Retry-After header of a Bot Connector answer (seconds or a date), as the wait it asks for.</summary>
public static class RetryAfter
{
    public static TimeSpan? Of(IDictionary<string, IEnumerable<string>>? headers)
    {
        var value = headers?.FirstOrDefault(header => string.Equals(header.Key, "Retry-After", StringComparison.OrdinalIgnoreCase)).Value?.FirstOrDefault();
        if (value is null)
        {
            return null;
        }

        if (int.TryParse(value, out var seconds))
        {
            return TimeSpan.FromSeconds(seconds);
        }

        return RetryConditionHeaderValue.TryParse(value, out var parsed) && parsed.Date is { } date ? date - DateTimeOffset.UtcNow : null;
    }
}
