using BepBot.Features.Labs;

namespace BepBot.Tests.Labs;

/// <summary>The group commit of a lab's take-ins: clicks that arrive while one runs share the single round after it.</summary>
public sealed class TakeInRoundsTests
{
    private readonly TakeInRounds _rounds = new();

    [Fact]
    public async Task CallersArrivingDuringARound_AllShareTheOneRoundThatStartsAfterIt()
    {
        var first = new TaskCompletionSource();
        var runs = 0;
        var lab = LabFixtures.NewLab();
        async Task<Lab> TakeIn()
        {
            if (Interlocked.Increment(ref runs) == 1)
            {
                await first.Task;
            }

            return lab with { Id = "round" + runs };
        }

        var running = _rounds.JoinAsync(lab.Id, TakeIn, CancellationToken.None);
        var latecomers = Enumerable.Range(0, 20).Select(_ => _rounds.JoinAsync(lab.Id, TakeIn, CancellationToken.None)).ToList();
        first.SetResult();

        (await running).Id.ShouldBe("round1");
        (await Task.WhenAll(latecomers)).ShouldAllBe(result => result.Id == "round2");
        runs.ShouldBe(2);
    }

    [Fact]
    public async Task ACallerWhoGivesUp_StopsWaitingWithoutStoppingTheRoundForTheOthers()
    {
        var release = new TaskCompletionSource();
        var lab = LabFixtures.NewLab();
        async Task<Lab> TakeIn()
        {
            await release.Task;
            return lab;
        }

        using var impatient = new CancellationTokenSource();
        var leaving = _rounds.JoinAsync(lab.Id, TakeIn, impatient.Token);
        var staying = _rounds.JoinAsync(lab.Id, TakeIn, CancellationToken.None);
        await impatient.CancelAsync();
        release.SetResult();

        await Should.ThrowAsync<OperationCanceledException>(() => leaving);
        (await staying).ShouldBe(lab);
    }

    [Fact]
    public async Task ARoundThatFails_FailsItsCallersOnly_AndTheNextRoundStillRuns()
    {
        var release = new TaskCompletionSource();
        var runs = 0;
        var lab = LabFixtures.NewLab();
        async Task<Lab> TakeIn()
        {
            if (Interlocked.Increment(ref runs) == 1)
            {
                await release.Task;
                throw new InvalidOperationException("store unavailable");
            }

            return lab;
        }

        var failing = _rounds.JoinAsync(lab.Id, TakeIn, CancellationToken.None);
        var next = _rounds.JoinAsync(lab.Id, TakeIn, CancellationToken.None);
        release.SetResult();

        (await Should.ThrowAsync<InvalidOperationException>(() => failing)).Message.ShouldBe("store unavailable");
        (await next).ShouldBe(lab);
        (await _rounds.JoinAsync(lab.Id, TakeIn, CancellationToken.None)).ShouldBe(lab);
        runs.ShouldBe(3);
    }
}
