using BepBot.Infrastructure.Storage;
using Microsoft.Extensions.Options;

namespace BepBot.Platform.Delivery;

/// <summary>
/// The one pace of all proactive traffic (deliveries, status cards, notices), under Teams' limit of about 50 requests
/// per second per bot, counted over a sliding second. Each call reserves the next evenly spaced slot and waits for it.
/// System.Threading.RateLimiting's token bucket was tried first: its timer-driven refill fires late on a busy 2-core
/// host and delivered about 43 of the 48 calls per second asked; a reserved-slot pacer keeps the rate exact.
/// A slot is when a call may go, not when it does: on a busy host a caller wakes late, and late callers bunch up with
/// the punctual ones after them, so Teams counts more than the pace in one second and answers 429. The calls that went
/// out in the last second are therefore counted too, and a caller waits while they reach the pace. A call made through
/// <see cref="PaceAsync{T}"/> counts from the moment it leaves until a second after its answer came back: Teams counts
/// it when it arrives, somewhere in between, and a call held up on its way would otherwise bunch with the next ones.
/// When Teams answers 429 anywhere, every caller of every instance also waits until its Retry-After has passed, instead
/// of each one hammering on — also a caller already waiting for its slot when the 429 came: that "paused until" is
/// shared through the store (throttle/teams), read at most once a second.
/// </summary>
public sealed class ProactivePacer(IDocumentStore store, IOptions<ProactivePaceOptions> options, TimeProvider clock)
{
    private const string PauseKey = "throttle/teams";
    private static readonly TimeSpan ReadPauseEvery = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(1);
    private readonly TimeSpan _spacing = TimeSpan.FromSeconds(1 / Math.Max(0.1, options.Value.ProactiveMessagesPerSecond));
    private readonly int _perWindow = Math.Max(1, (int)options.Value.ProactiveMessagesPerSecond);
    private readonly Queue<DateTimeOffset> _wentOut = new();
    private readonly Lock _gate = new();
    private int _onTheirWay;
    private DateTimeOffset _nextSlot = DateTimeOffset.MinValue;
    private DateTimeOffset _pausedUntil = DateTimeOffset.MinValue;
    private DateTimeOffset _pauseReadAt = DateTimeOffset.MinValue;

    /// <summary>Makes <paramref name="call"/> at the pace, counted until a second after its answer.</summary>
    public async Task<T> PaceAsync<T>(Func<Task<T>> call, CancellationToken cancellationToken)
    {
        await WaitForTurnAsync(cancellationToken);
        try
        {
            return await call();
        }
        finally
        {
            lock (_gate)
            {
                _onTheirWay--;
                _wentOut.Enqueue(clock.GetUtcNow());
            }
        }
    }

    /// <summary>Waits out a shared pause, then for this call's slot, and until fewer calls than the pace are counted in the last second.</summary>
    private async Task WaitForTurnAsync(CancellationToken cancellationToken)
    {
        await WaitOutPauseAsync(cancellationToken);
        DateTimeOffset until;
        lock (_gate)
        {
            var now = clock.GetUtcNow();
            until = _nextSlot > now ? _nextSlot : now;
            _nextSlot = until + _spacing;
        }

        while (true)
        {
            var wait = until - clock.GetUtcNow();
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, clock, cancellationToken);
            }

            lock (_gate)
            {
                var now = clock.GetUtcNow();
                while (_wentOut.Count > 0 && now - _wentOut.Peek() >= Window)
                {
                    _wentOut.Dequeue();
                }

                if (_pausedUntil > now)
                {
                    until = _pausedUntil;
                }
                else if (_wentOut.Count + _onTheirWay >= _perWindow)
                {
                    until = _wentOut.Count > 0 ? _wentOut.Peek() + Window : now + _spacing;
                }
                else
                {
                    _onTheirWay++;
                    return;
                }
            }
        }
    }

    /// <summary>Holds every caller, here and on the other instances, until <paramref name="until"/>.</summary>
    public async Task PauseUntilAsync(DateTimeOffset until, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (until <= _pausedUntil)
            {
                return;
            }

            _pausedUntil = until;
        }

        await store.UpsertAsync(PauseKey, new ThrottleState(until), cancellationToken);
    }

    private async Task WaitOutPauseAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (now - _pauseReadAt > ReadPauseEvery)
        {
            _pauseReadAt = now;
            var shared = (await store.GetAsync<ThrottleState>(PauseKey, cancellationToken))?.Value.Until ?? DateTimeOffset.MinValue;
            lock (_gate)
            {
                if (shared > _pausedUntil)
                {
                    _pausedUntil = shared;
                }
            }
        }

        TimeSpan wait;
        lock (_gate)
        {
            wait = _pausedUntil - clock.GetUtcNow();
        }

        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, clock, cancellationToken);
        }
    }
}
