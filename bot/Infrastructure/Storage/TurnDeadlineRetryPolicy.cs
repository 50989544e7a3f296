using Azure.Core;
using Azure.Core.Pipeline;

namespace BepBot.Infrastructure.Storage;

/// <summary>
/// The storage clients' retry (documents, claims table, work queue). During a turn, a call that failed in a way worth
/// retrying (no answer, 408, 429, 5xx: the SDK's own judgement) is tried again within half a second, as long as it can be
/// before the <see cref="TurnDeadline"/>: a storage outage of a few seconds costs the user a wait, not an error. Past
/// the deadline the call fails as it always did, and the user is told the storage is unreachable. Outside a turn, the
/// client's usual retry runs (a few retries, backing off from 0.8 s).
/// </summary>
public sealed class TurnDeadlineRetryPolicy : RetryPolicy
{
    private static readonly TimeSpan FirstDelay = TimeSpan.FromMilliseconds(250);
    // Short enough that a turn resumes soon after the store comes back; only the turns admitted (TurnAdmission) retry.
    private static readonly TimeSpan LongestDelay = TimeSpan.FromMilliseconds(500);

    private readonly TimeProvider _clock;
    private readonly RetryPolicy _outsideTurns;

    private TurnDeadlineRetryPolicy(TimeProvider clock, RetryPolicy outsideTurns)
        : base(maxRetries: int.MaxValue, DelayStrategy.CreateExponentialDelayStrategy(FirstDelay, LongestDelay))
    {
        _clock = clock;
        _outsideTurns = outsideTurns;
    }

    /// <summary>Makes <paramref name="options"/>' client retry this way, keeping its own retry settings for calls outside a turn.</summary>
    public static T Install<T>(T options, TimeProvider clock)
        where T : ClientOptions
    {
        ArgumentNullException.ThrowIfNull(options);
        var usual = new RetryPolicy(options.Retry.MaxRetries, DelayStrategy.CreateExponentialDelayStrategy(options.Retry.Delay, options.Retry.MaxDelay));
        options.RetryPolicy = new TurnDeadlineRetryPolicy(clock, usual);
        return options;
    }

    public override ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline) =>
        TurnDeadline.Current is null ? _outsideTurns.ProcessAsync(message, pipeline) : base.ProcessAsync(message, pipeline);

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        if (TurnDeadline.Current is null)
        {
            _outsideTurns.Process(message, pipeline);
        }
        else
        {
            base.Process(message, pipeline);
        }
    }

    protected override bool ShouldRetry(HttpMessage message, Exception? exception) =>
        base.ShouldRetry(message, exception) && BeforeDeadline(message);

    protected override async ValueTask<bool> ShouldRetryAsync(HttpMessage message, Exception? exception) =>
        await base.ShouldRetryAsync(message, exception) && BeforeDeadline(message);

    private bool BeforeDeadline(HttpMessage message) =>
        TurnDeadline.Current is { } deadline && _clock.GetUtcNow() + NextWait(message) <= deadline;

    // A service that says how long to wait (Retry-After, in seconds) is waited for: that wait must fit too.
    private static TimeSpan NextWait(HttpMessage message) =>
        message.HasResponse && message.Response.Headers.TryGetValue("Retry-After", out var value) && int.TryParse(value, out var seconds)
            ? TimeSpan.FromSeconds(Math.Max(seconds, LongestDelay.TotalSeconds))
            : LongestDelay;
}
