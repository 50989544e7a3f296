using BepBot.Infrastructure.Storage;

namespace BepBot.Tests.Storage;

/// <summary>The order in which store calls waiting for a connection go: the nearest deadline first, not the first come.</summary>
public sealed class EarliestDeadlineFirstGateTests
{
    private static readonly DateTimeOffset Now = new(2027, 3, 1, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Leave_CallersWaiting_TheNearestDeadlineGoesFirstWhateverTheArrivalOrder()
    {
        var gate = new EarliestDeadlineFirstGate(maxInside: 1);
        await gate.EnterAsync(Now, CancellationToken.None);
        var went = new List<string>();
        var justBegun = Waiting(gate, Now.AddSeconds(12), "turn that has just begun", went);
        var background = Waiting(gate, Now.AddSeconds(60), "work already answered", went);
        var nearItsEnd = Waiting(gate, Now.AddSeconds(2), "turn near its deadline", went);

        gate.Leave();
        await nearItsEnd;
        gate.Leave();
        await justBegun;
        gate.Leave();
        await background;

        went.ShouldBe(["turn near its deadline", "turn that has just begun", "work already answered"]);
    }

    [Fact]
    public async Task Leave_SameDeadline_ArrivalOrder()
    {
        var gate = new EarliestDeadlineFirstGate(maxInside: 1);
        await gate.EnterAsync(Now, CancellationToken.None);
        var went = new List<string>();
        var first = Waiting(gate, Now.AddSeconds(5), "first", went);
        var second = Waiting(gate, Now.AddSeconds(5), "second", went);

        gate.Leave();
        await first;
        gate.Leave();
        await second;

        went.ShouldBe(["first", "second"]);
    }

    [Fact]
    public async Task EnterAsync_WaiterGivesUp_CancelledAndItsPlaceGoesToTheNextWithoutLeakingOne()
    {
        var gate = new EarliestDeadlineFirstGate(maxInside: 2);
        await gate.EnterAsync(Now, CancellationToken.None);
        await gate.EnterAsync(Now, CancellationToken.None);
        using var givingUp = new CancellationTokenSource();
        var gaveUp = gate.EnterAsync(Now.AddSeconds(1), givingUp.Token).AsTask();
        var next = gate.EnterAsync(Now.AddSeconds(9), CancellationToken.None).AsTask();

        await givingUp.CancelAsync();
        await Should.ThrowAsync<OperationCanceledException>(gaveUp);
        next.IsCompleted.ShouldBeFalse();
        gate.Leave();
        await next;

        // Two inside (the first caller and « next »): a third waits until one leaves, and no more.
        var third = gate.EnterAsync(Now, CancellationToken.None).AsTask();
        third.IsCompleted.ShouldBeFalse();
        gate.Leave();
        await third;
        gate.Leave();
        gate.Leave();
        gate.EnterAsync(Now, CancellationToken.None).AsTask().IsCompleted.ShouldBeTrue();
        gate.EnterAsync(Now, CancellationToken.None).AsTask().IsCompleted.ShouldBeTrue();
        gate.EnterAsync(Now, CancellationToken.None).AsTask().IsCompleted.ShouldBeFalse();
    }

    [Fact]
    public async Task WhenNoneWaitingAsync_CompletesWhenTheLastWaiterIsLetIn()
    {
        var gate = new EarliestDeadlineFirstGate(maxInside: 1);
        gate.WhenNoneWaitingAsync().IsCompleted.ShouldBeTrue("nobody waits");
        await gate.EnterAsync(Now, CancellationToken.None);
        gate.WhenNoneWaitingAsync().IsCompleted.ShouldBeTrue("one caller inside, nobody waiting");
        var first = gate.EnterAsync(Now.AddSeconds(1), CancellationToken.None).AsTask();
        var second = gate.EnterAsync(Now.AddSeconds(2), CancellationToken.None).AsTask();
        var noneWaiting = gate.WhenNoneWaitingAsync();

        gate.Leave();
        await first;
        noneWaiting.IsCompleted.ShouldBeFalse("the second caller still waits");
        gate.Leave();
        await second;

        await noneWaiting.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task WhenNoneWaitingAsync_TheLastWaiterGivesUp_Completes()
    {
        var gate = new EarliestDeadlineFirstGate(maxInside: 1);
        await gate.EnterAsync(Now, CancellationToken.None);
        using var givingUp = new CancellationTokenSource();
        var gaveUp = gate.EnterAsync(Now.AddSeconds(1), givingUp.Token).AsTask();
        var noneWaiting = gate.WhenNoneWaitingAsync();
        noneWaiting.IsCompleted.ShouldBeFalse();

        await givingUp.CancelAsync();

        await Should.ThrowAsync<OperationCanceledException>(gaveUp);
        await noneWaiting.WaitAsync(TimeSpan.FromSeconds(10));
        gate.WhenNoneWaitingAsync().IsCompleted.ShouldBeTrue();
    }

    private static Task Waiting(EarliestDeadlineFirstGate gate, DateTimeOffset deadline, string name, List<string> went)
    {
        var entering = gate.EnterAsync(deadline, CancellationToken.None).AsTask();
        entering.IsCompleted.ShouldBeFalse();
        return entering.ContinueWith(_ => went.Add(name), TaskScheduler.Default);
    }
}
