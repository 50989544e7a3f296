using BepBot.Chat;
using Polly;
using Polly.Retry;

namespace BepBot.Platform.Delivery;

/// <summary>
/// How a proactive call is tried again, for deliveries and for the author's status card alike: an outcome worth
/// retrying (429, 5xx, no answer) after Teams' Retry-After when it gave one, else after an exponential backoff with
/// jitter, up to MaxAttempts in all. A gone conversation or a refusal is not retried.
/// </summary>
public static class ProactiveRetry
{
    public static ResiliencePipeline<ProactiveOutcome> Pipeline(TimeProvider clock, BroadcastOptions options, Func<TimeSpan, Task>? onRetry = null) =>
        new ResiliencePipelineBuilder<ProactiveOutcome> { TimeProvider = clock }
            .AddRetry(new RetryStrategyOptions<ProactiveOutcome>
            {
                ShouldHandle = arguments => ValueTask.FromResult(arguments.Outcome.Result is ProactiveOutcome.RetryAfter),
                MaxRetryAttempts = Math.Max(0, options.MaxAttempts - 1),
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.BaseRetryDelay,
                DelayGenerator = arguments => ValueTask.FromResult(arguments.Outcome.Result is ProactiveOutcome.RetryAfter { Delay: { } delay } ? delay : (TimeSpan?)null),
                OnRetry = async arguments =>
                {
                    if (onRetry is not null)
                    {
                        await onRetry(arguments.RetryDelay);
                    }
                },
            })
            .Build();
}
