using BepBot.Infrastructure.Storage;

namespace BepBot.Features.Broadcasts;

public sealed record ThrottleState(DateTimeOffset Until);

/// <summary>
/// The global "throttled until": when Teams answers 429 to any worker, every worker of every instance waits
/// until the Retry-After has passed, instead of each one hammering on. Shared through the store, cached a second.
/// </summary>
public sealed class TeamsThrottle(IDocumentStore store, TimeProvider clock)
{
    private const string Key = "throttle/teams";
    private static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(1);
    private DateTimeOffset _until = DateTimeOffset.MinValue;
    private DateTimeOffset _readAt = DateTimeOffset.MinValue;

    public async Task WaitAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (now - _readAt > CacheFor)
        {
            _readAt = now;
            var shared = (await store.GetAsync<ThrottleState>(Key, cancellationToken))?.Value.Until ?? DateTimeOffset.MinValue;
            if (shared > _until)
            {
                _until = shared;
            }
        }

        var wait = _until - clock.GetUtcNow();
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, clock, cancellationToken);
        }
    }

    public async Task ThrottleUntilAsync(DateTimeOffset until, CancellationToken cancellationToken)
    {
        if (until <= _until)
        {
            return;
        }

        _until = until;
        await store.UpsertAsync(Key, new ThrottleState(until), cancellationToken);
    }
}
