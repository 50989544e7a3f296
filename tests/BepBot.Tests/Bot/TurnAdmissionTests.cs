using System.Text.Json.Nodes;
using BepBot.Chat;
using Microsoft.Extensions.Time.Testing;
using BepBot.Features.Votes;
using BepBot.Tests.Harness;
using Microsoft.Extensions.DependencyInjection;
using static BepBot.Tests.Votes.VoteSteps;

namespace BepBot.Tests.Bot;

/// <summary>
/// Turns admitted a few at a time, the nearest Teams deadline first; a burst click gives its place up while it waits
/// for its work, so a waiting answer never holds the others back.
/// </summary>
public sealed class TurnAdmissionTests() : ConnectedBotTest(
    [TeamsUser.Alex, TeamsUser.Megan, TeamsUser.Adele, TeamsUser.Isaiah],
    settings: new Dictionary<string, string?> { ["Bot:MaxTurnsAtOnce"] = "1", ["LateAnswers:After"] = "00:00:05" })
{
    private static readonly DateTimeOffset Now = new(2027, 3, 1, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task EnterAsync_Full_TheTurnNearestItsDeadlineGoesNext()
    {
        var admission = new TurnAdmission(maxTurnsAtOnce: 1, TimeProvider.System);
        var first = await admission.EnterAsync(Now, CancellationToken.None);
        var justBegun = admission.EnterAsync(Now.AddSeconds(12), CancellationToken.None);
        var waitedThroughAnOutage = admission.EnterAsync(Now.AddSeconds(2), CancellationToken.None);

        first.Dispose();

        (await waitedThroughAnOutage).HasLeft.ShouldBeFalse();
        justBegun.IsCompleted.ShouldBeFalse("one turn at a time: the one begun last waits for the one near its deadline");
    }

    [Fact]
    public async Task LeaveEarly_ThenTheTurnEnds_ThePlaceIsGivenUpOnce()
    {
        var admission = new TurnAdmission(maxTurnsAtOnce: 1, TimeProvider.System);
        var place = await admission.EnterAsync(Now, CancellationToken.None);
        var second = admission.EnterAsync(Now.AddSeconds(1), CancellationToken.None);
        var third = admission.EnterAsync(Now.AddSeconds(2), CancellationToken.None);

        using (TurnAdmission.Hold(place))
        {
            TurnAdmission.LeaveEarly();
        }

        place.Dispose();

        (await second).HasLeft.ShouldBeFalse();
        place.HasLeft.ShouldBeTrue();
        third.IsCompleted.ShouldBeFalse("the turn's end after its early leave must not let a second turn in");
    }

    [Fact]
    public async Task YieldToWaitingTurnsAsync_ATurnWaits_TheWorkGoesOnceItIsLetIn()
    {
        var admission = new TurnAdmission(maxTurnsAtOnce: 1, TimeProvider.System);
        var inside = await admission.EnterAsync(Now, CancellationToken.None);
        var waiting = admission.EnterAsync(Now.AddSeconds(1), CancellationToken.None);

        var work = admission.YieldToWaitingTurnsAsync();
        work.IsCompleted.ShouldBeFalse("a turn waits for a place");
        inside.Dispose();

        await work.WaitAsync(TimeSpan.FromSeconds(10));
        (await waiting).HasLeft.ShouldBeFalse();
        admission.YieldToWaitingTurnsAsync().IsCompleted.ShouldBeTrue("one turn inside, none waiting");
    }

    [Fact]
    public async Task YieldToWaitingTurnsAsync_TurnsKeepWaiting_TheWorkGoesAfterTheLongestYield()
    {
        var clock = new FakeTimeProvider(Now);
        var admission = new TurnAdmission(maxTurnsAtOnce: 1, clock);
        using var inside = await admission.EnterAsync(Now, CancellationToken.None);
        _ = admission.EnterAsync(Now.AddSeconds(1), CancellationToken.None);

        var work = admission.YieldToWaitingTurnsAsync();
        clock.Advance(TurnAdmission.LongestYield - TimeSpan.FromSeconds(1));
        work.IsCompleted.ShouldBeFalse();
        clock.Advance(TimeSpan.FromSeconds(1));

        await work.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task BurstWork_TurnsWaitingForAPlace_StartsOnlyOnceTheyAreLetIn()
    {
        var admission = new TurnAdmission(maxTurnsAtOnce: 1, TimeProvider.System);
        using var burstWork = new BurstWork(Microsoft.Extensions.Options.Options.Create(new LateAnswerOptions()), admission);
        var inside = await admission.EnterAsync(Now, CancellationToken.None);
        var waiting = admission.EnterAsync(Now.AddSeconds(1), CancellationToken.None);
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var work = burstWork.RunAsync(() =>
        {
            started.SetResult();
            return Task.FromResult("vote recorded");
        });
        await Task.Delay(TimeSpan.FromMilliseconds(200));
        started.Task.IsCompleted.ShouldBeFalse("the click waiting to be let in goes first");
        inside.Dispose();

        (await work.WaitAsync(TimeSpan.FromSeconds(10))).ShouldBe("vote recorded");
        (await waiting).Dispose();
    }

    [Fact]
    public async Task OneTurnAtATime_BurstOfVotesAndHelp_EveryoneAnsweredAndEveryVoteRecorded()
    {
        var ballot = await OpenAsync(Bot, Motion());
        var voters = new[] { (TeamsUser.Megan, "Namur"), (TeamsUser.Adele, "Dinant"), (TeamsUser.Isaiah, "Couvin") };

        var votes = voters.Select(voter => Teams.InvokeAsync(voter.Item1, "votes.cast", Cast(ballot.Id, voter.Item2, "pour")));
        var help = Enumerable.Range(0, 6).Select(_ => Teams.SayAsync(TeamsUser.Alex, "aide"));
        var answers = await Task.WhenAll(votes);
        var helpCards = await Task.WhenAll(help);

        answers.ShouldAllBe(answer => answer.UpdatedCard != null);
        helpCards.ShouldAllBe(reply => CardReader.AllText(reply.Card).Contains("Ce que BepBot peut faire pour vous"));
        (await Bot.Services.GetRequiredService<BallotStore>().ListVotesAsync(ballot.Id)).Select(vote => vote.Commune)
            .ShouldBe(["Couvin", "Dinant", "Namur"], ignoreOrder: true);
    }
}
