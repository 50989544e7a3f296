namespace BepBot.Infrastructure.Storage;

/// <summary>
/// How often an optimistic write is tried again after a <see cref="DocumentConflictException"/>, and how long to wait
/// before each new attempt. A conflict on the last attempt surfaces to the caller.
/// </summary>
public sealed record ConflictRetry(int MaxAttempts, Func<int, TimeSpan> Delay)
{
    public const int DefaultMaxAttempts = 8;

    private const int MaxBackoffMilliseconds = 1000;

    public static ConflictRetry Default { get; } = WithBackOff(DefaultMaxAttempts);

    /// <summary>Re-reads at once: for documents with few writers, where the next read almost always wins.</summary>
    public static ConflictRetry AtOnce { get; } = Immediate(DefaultMaxAttempts);

    // Exponential backoff with full jitter: a linear window kept 20 contenders colliding until
    // some ran out of attempts; doubling it spreads them out within the bound.
    public static ConflictRetry WithBackOff(int maxAttempts) =>
        new(maxAttempts, attempt => TimeSpan.FromMilliseconds(Random.Shared.Next(1, Math.Min(MaxBackoffMilliseconds, 10 << Math.Min(attempt, 10)))));

    public static ConflictRetry Immediate(int maxAttempts) => new(maxAttempts, _ => TimeSpan.Zero);

    /// <summary>Runs <paramref name="attempt"/> (given its number, from 1) until it ends without a conflict, at most <see cref="MaxAttempts"/> times.</summary>
    public async Task<TResult> RunAsync<TResult>(Func<int, Task<TResult>> attempt, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        for (var number = 1; ; number++)
        {
            try
            {
                return await attempt(number);
            }
            catch (DocumentConflictException) when (number < MaxAttempts)
            {
                if (Delay(number) is var delay && delay > TimeSpan.Zero)
                {
                    await Task.Delay(delay, cancellationToken);
                }
            }
        }
    }
}
