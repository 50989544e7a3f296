using BepBot.Infrastructure.Storage;
using BepBot.Platform.Delivery;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace BepBot.Tests.Broadcasts;

/// <summary>
/// The one pace of proactive calls, on a clock the test moves: Teams counts the calls that reach it in any one second,
/// so a caller that wakes late must not let the pace be exceeded, and a 429 holds every caller, also those already
/// waiting for their turn. 5 calls a second: a turn every 200 ms.
/// </summary>
public sealed class ProactivePacerTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "bepbot-pacer-" + Guid.NewGuid().ToString("N"));
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 12, 9, 0, 0, TimeSpan.Zero));
    private readonly ProactivePacer _pacer;

    public ProactivePacerTests() =>
        _pacer = new ProactivePacer(new LocalFolderDocumentStore(_folder), Options.Create(new ProactivePaceOptions { ProactiveMessagesPerSecond = 5 }), _clock);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task WaitAsync_CallersWokenLate_NeverMoreThanThePaceWithinOneSecond()
    {
        var start = _clock.GetUtcNow();
        List<Task<DateTimeOffset>> turns = [TurnAsync()];
        await turns[0];
        turns.AddRange(Enumerable.Range(0, 6).Select(_ => TurnAsync()));

        // The host stalls: the turns due at 200 … 1000 ms all wake at 1150 ms, just before the one due at 1200 ms.
        _clock.Advance(TimeSpan.FromMilliseconds(1150));
        await WaitUntilAsync(() => turns.Count(turn => turn.IsCompleted) == 6);
        await AdvanceUntilAsync(() => turns.All(turn => turn.IsCompleted));

        var times = (await Task.WhenAll(turns)).Select(time => time - start).Order().ToList();
        for (var first = 0; first + 5 < times.Count; first++)
        {
            (times[first + 5] - times[first]).ShouldBeGreaterThanOrEqualTo(TimeSpan.FromSeconds(1), $"6 calls within one second: {string.Join(", ", times.Select(time => time.TotalMilliseconds))} ms");
        }
    }

    [Fact]
    public async Task WaitAsync_ThrottledWhileWaitingForItsTurn_GoesOnlyAfterThePause()
    {
        var start = _clock.GetUtcNow();
        await TurnAsync();
        var waiting = TurnAsync();

        await _pacer.PauseUntilAsync(start + TimeSpan.FromSeconds(1), CancellationToken.None);
        await AdvanceUntilAsync(() => waiting.IsCompleted);

        (await waiting - start).ShouldBeGreaterThanOrEqualTo(TimeSpan.FromSeconds(1), "the turn due at 200 ms went out during Teams' Retry-After");
    }

    [Fact]
    public async Task PaceAsync_CallsHeldUpOnTheirWay_CountUntilASecondAfterTheirAnswer()
    {
        var answers = new TaskCompletionSource<int>();
        var left = 0;
        var held = Enumerable.Range(0, 5).Select(_ => _pacer.PaceAsync(() => { Interlocked.Increment(ref left); return answers.Task; }, CancellationToken.None)).ToList();
        await AdvanceUntilAsync(() => Volatile.Read(ref left) == 5);

        // Teams counts a call when it arrives: five still on their way may all arrive in the same second as a sixth.
        var sixth = TurnAsync();
        for (var step = 0; step < 40; step++)
        {
            _clock.Advance(TimeSpan.FromMilliseconds(50));
            await Task.Delay(20);
        }

        sixth.IsCompleted.ShouldBeFalse("a sixth call went out while five were still on their way");

        var answeredAt = _clock.GetUtcNow();
        answers.SetResult(200);
        await Task.WhenAll(held);
        await AdvanceUntilAsync(() => sixth.IsCompleted);
        (await sixth - answeredAt).ShouldBeGreaterThanOrEqualTo(TimeSpan.FromSeconds(1));
    }

    private async Task<DateTimeOffset> TurnAsync()
    {
        return await _pacer.PaceAsync(() => Task.FromResult(_clock.GetUtcNow()), CancellationToken.None);
    }

    /// <summary>Moves the clock on by 50 ms steps, letting the woken callers run between steps.</summary>
    private async Task AdvanceUntilAsync(Func<bool> done)
    {
        for (var step = 0; step < 100 && !done(); step++)
        {
            _clock.Advance(TimeSpan.FromMilliseconds(50));
            await Task.Delay(20);
        }

        done().ShouldBeTrue("the callers never got their turn");
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (var attempt = 0; attempt < 250 && !condition(); attempt++)
        {
            await Task.Delay(20);
        }
    }
}
