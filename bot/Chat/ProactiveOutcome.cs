namespace BepBot.Chat;

/// <summary>
/// What became of one proactive call, classified once at the Teams edge. Callers choose what to do with it (retry,
/// record, give up); the status is there for reports and logs, not to decide on.
/// </summary>
public abstract record ProactiveOutcome
{
    private ProactiveOutcome()
    {
    }

    /// <param name="ActivityId">The id Teams gave the posted activity.</param>
    public sealed record Sent(string? ActivityId) : ProactiveOutcome;

    /// <summary>The conversation is out of reach for good: 403 (the bot was removed) or 404 (the conversation is gone).</summary>
    public sealed record Gone(int Status) : ProactiveOutcome;

    /// <summary>
    /// Worth trying again: Teams throttled (429), failed (5xx, 412) or did not answer (status 0). <paramref name="Delay"/>
    /// is Teams' Retry-After when it gave one.
    /// </summary>
    public sealed record RetryAfter(TimeSpan? Delay, int Status) : ProactiveOutcome;

    /// <summary>Refused for a reason a retry will not fix (another 4xx).</summary>
    public sealed record Failed(int Status) : ProactiveOutcome;
}
