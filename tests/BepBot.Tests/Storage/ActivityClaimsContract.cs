using BepBot.Infrastructure.Storage;
using Microsoft.Extensions.Time.Testing;

namespace BepBot.Tests.Storage;

/// <summary>What every <see cref="IActivityClaims"/> must do, run once per implementation, each test on claims of its own.</summary>
public abstract class ActivityClaimsContract
{
    protected static readonly TimeSpan Lease = TimeSpan.FromSeconds(15);

    private const int Contenders = 20;

    protected FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 29, 9, 0, 0, TimeSpan.Zero));

    protected abstract IActivityClaims Claims { get; }

    /// <summary>Claims whose storage client sends every create and replace twice and reports the conflict with its own first write, as after a lost response.</summary>
    protected abstract IActivityClaims ClaimsWithResentWrites();

    [Fact]
    public async Task Claim_FirstDelivery_MayRunAndResendsWhileItRunsMayNot()
    {
        var first = await Claims.ClaimAsync("a1", "message");

        first.Status.ShouldBe(ActivityClaimStatus.Claimed);
        first.MayRun.ShouldBeTrue();
        (await Claims.ClaimAsync("a1", "message")).Status.ShouldBe(ActivityClaimStatus.Running);
        Clock.Advance(Lease - TimeSpan.FromSeconds(1));
        (await Claims.ClaimAsync("a1", "message")).Status.ShouldBe(ActivityClaimStatus.Running);
    }

    [Fact]
    public async Task Claim_AfterCompletion_CompletedEvenPastTheLease()
    {
        var first = await Claims.ClaimAsync("a1", "invoke");

        (await Claims.CompleteAsync(first)).ShouldBeTrue();

        (await Claims.ClaimAsync("a1", "invoke")).Status.ShouldBe(ActivityClaimStatus.Completed);
        Clock.Advance(Lease * 10);
        (await Claims.ClaimAsync("a1", "invoke")).Status.ShouldBe(ActivityClaimStatus.Completed);
    }

    [Fact]
    public async Task KeptActivity_AbandonedWhenReceivedBeforeTheCutoffLeaseOverAndNotCompleted()
    {
        const string Replay = "{\"type\":\"invoke\",\"id\":\"kept\"}";
        var kept = await Claims.ClaimAsync("kept", "invoke", Replay);
        await Claims.ClaimAsync("plain", "invoke");
        var done = await Claims.ClaimAsync("done", "invoke", "{}");
        (await Claims.CompleteAsync(done)).ShouldBeTrue();
        var receivedBefore = Clock.GetUtcNow() + TimeSpan.FromSeconds(1);

        (await Claims.AbandonedAsync(receivedBefore).ToListAsync()).ShouldBeEmpty("the kept click still runs under its lease");
        Clock.Advance(Lease + TimeSpan.FromSeconds(1));
        (await Claims.AbandonedAsync(Clock.GetUtcNow() - TimeSpan.FromMinutes(3)).ToListAsync()).ShouldBeEmpty("received after the cutoff");

        var abandoned = (await Claims.AbandonedAsync(receivedBefore).ToListAsync()).ShouldHaveSingleItem("neither a plain claim nor a completed one is kept");
        abandoned.Key.ShouldBe("kept");
        abandoned.Value.Replay.ShouldBe(Replay);

        var takenOver = await Claims.ClaimAsync("kept", "invoke", abandoned.Value.Replay);
        takenOver.Status.ShouldBe(ActivityClaimStatus.TakenOver);
        (await Claims.CompleteAsync(takenOver)).ShouldBeTrue();
        Clock.Advance(Lease * 10);
        (await Claims.AbandonedAsync(Clock.GetUtcNow()).ToListAsync()).ShouldBeEmpty();
        (await Claims.CompleteAsync(kept)).ShouldBeFalse("the dead instance's claim was taken over");
    }

    [Fact]
    public async Task Claim_DifferentActivities_EachClaimedOnce()
    {
        (await Claims.ClaimAsync("a1", "message")).MayRun.ShouldBeTrue();
        (await Claims.ClaimAsync("a2", "invoke")).MayRun.ShouldBeTrue();

        (await Claims.ClaimAsync("a2", "invoke")).MayRun.ShouldBeFalse();
    }

    [Fact]
    public async Task Claim_SimultaneousDeliveries_ExactlyOneMayRun()
    {
        var outcomes = await Task.WhenAll(Enumerable.Range(0, Contenders).Select(_ => Task.Run(() => Claims.ClaimAsync("same", "invoke"))));

        outcomes.Count(claim => claim.MayRun).ShouldBe(1);
        outcomes.Where(claim => !claim.MayRun).ShouldAllBe(claim => claim.Status == ActivityClaimStatus.Running);
    }

    [Fact]
    public async Task Claim_AfterTheTurnFailedAndReleased_NextDeliveryRunsItOnce()
    {
        var failed = await Claims.ClaimAsync("failed", "invoke");

        (await Claims.ReleaseAsync(failed)).ShouldBeTrue();

        var resent = await Claims.ClaimAsync("failed", "invoke");
        resent.Status.ShouldBe(ActivityClaimStatus.Claimed);
        (await Claims.ClaimAsync("failed", "invoke")).Status.ShouldBe(ActivityClaimStatus.Running);
    }

    [Fact]
    public async Task Claim_LeaseRanOut_ResendTakesItOverAndTheFirstCanNoLongerCompleteOrRelease()
    {
        var dead = await Claims.ClaimAsync("dead", "invoke");
        Clock.Advance(Lease + TimeSpan.FromSeconds(1));

        var resent = await Claims.ClaimAsync("dead", "invoke");

        resent.Status.ShouldBe(ActivityClaimStatus.TakenOver);
        resent.PreviousInstance.ShouldNotBeNullOrEmpty();
        (await Claims.ClaimAsync("dead", "invoke")).Status.ShouldBe(ActivityClaimStatus.Running);
        (await Claims.ReleaseAsync(dead)).ShouldBeFalse();
        (await Claims.CompleteAsync(dead)).ShouldBeFalse();
        (await Claims.ClaimAsync("dead", "invoke")).Status.ShouldBe(ActivityClaimStatus.Running);
        (await Claims.CompleteAsync(resent)).ShouldBeTrue();
        (await Claims.ClaimAsync("dead", "invoke")).Status.ShouldBe(ActivityClaimStatus.Completed);
    }

    [Fact]
    public async Task Claim_SimultaneousResendsAfterTheLease_ExactlyOneTakesItOver()
    {
        await Claims.ClaimAsync("abandoned", "invoke");
        Clock.Advance(Lease + TimeSpan.FromSeconds(1));

        var outcomes = await Task.WhenAll(Enumerable.Range(0, Contenders).Select(_ => Task.Run(() => Claims.ClaimAsync("abandoned", "invoke"))));

        outcomes.Count(claim => claim.MayRun).ShouldBe(1);
        outcomes.Single(claim => claim.MayRun).Status.ShouldBe(ActivityClaimStatus.TakenOver);
        outcomes.Where(claim => !claim.MayRun).ShouldAllBe(claim => claim.Status == ActivityClaimStatus.Running);
    }

    [Fact]
    public async Task Claim_WritesResentAfterLostResponses_StillOursThroughClaimTakeOverAndCompletion()
    {
        var claims = ClaimsWithResentWrites();

        var first = await claims.ClaimAsync("resent", "message");
        first.Status.ShouldBe(ActivityClaimStatus.Claimed);
        (await claims.ClaimAsync("resent", "message")).Status.ShouldBe(ActivityClaimStatus.Running);
        Clock.Advance(Lease + TimeSpan.FromSeconds(1));
        var takenOver = await claims.ClaimAsync("resent", "message");
        takenOver.Status.ShouldBe(ActivityClaimStatus.TakenOver);

        (await claims.CompleteAsync(takenOver)).ShouldBeTrue();

        (await claims.ClaimAsync("resent", "message")).Status.ShouldBe(ActivityClaimStatus.Completed);
    }

    [Fact]
    public async Task Complete_ClaimThatMayNotRun_Throws()
    {
        await Claims.ClaimAsync("other", "invoke");
        var duplicate = await Claims.ClaimAsync("other", "invoke");

        await Should.ThrowAsync<InvalidOperationException>(() => Claims.CompleteAsync(duplicate));
    }

    [Fact]
    public async Task Purge_ClaimsPastRetention_DeletedAndNewerOnesKept()
    {
        await Claims.CompleteAsync(await Claims.ClaimAsync("old-1", "message"));
        await Claims.ClaimAsync("old-2", "invoke");
        Clock.Advance(TimeSpan.FromDays(3));
        await Claims.CompleteAsync(await Claims.ClaimAsync("recent", "message"));

        var purged = await Claims.PurgeAsync(Clock.GetUtcNow() - TimeSpan.FromDays(2));

        purged.ShouldBe(2);
        (await Claims.ClaimAsync("old-1", "message")).Status.ShouldBe(ActivityClaimStatus.Claimed);
        (await Claims.ClaimAsync("recent", "message")).Status.ShouldBe(ActivityClaimStatus.Completed);
        (await Claims.PurgeAsync(Clock.GetUtcNow() - TimeSpan.FromDays(2))).ShouldBe(0);
    }

    [Fact]
    public async Task IsReachable_StoreUp_True()
    {
        (await Claims.IsReachableAsync()).ShouldBeTrue();
    }
}
