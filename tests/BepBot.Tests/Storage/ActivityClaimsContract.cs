using BepBot.Infrastructure.Storage;
using Microsoft.Extensions.Time.Testing;

namespace BepBot.Tests.Storage;

/// <summary>What every <see cref="IActivityClaims"/> must do, run once per implementation, each test on claims of its own.</summary>
public abstract class ActivityClaimsContract
{
    private const int Contenders = 20;

    protected FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 29, 9, 0, 0, TimeSpan.Zero));

    protected abstract IActivityClaims Claims { get; }

    /// <summary>Claims whose storage client resends every create once and reports the conflict with its own first write, as after a lost response.</summary>
    protected abstract IActivityClaims ClaimsWithResentCreates();

    [Fact]
    public async Task TryClaim_FirstDelivery_ClaimsAndLaterDeliveriesDoNot()
    {
        (await Claims.TryClaimAsync("a1", "message")).ShouldBeTrue();

        (await Claims.TryClaimAsync("a1", "message")).ShouldBeFalse();
        (await Claims.TryClaimAsync("a1", "message")).ShouldBeFalse();
    }

    [Fact]
    public async Task TryClaim_DifferentActivities_EachClaimedOnce()
    {
        (await Claims.TryClaimAsync("a1", "message")).ShouldBeTrue();
        (await Claims.TryClaimAsync("a2", "invoke")).ShouldBeTrue();

        (await Claims.TryClaimAsync("a2", "invoke")).ShouldBeFalse();
    }

    [Fact]
    public async Task TryClaim_SimultaneousDeliveries_ExactlyOneClaims()
    {
        var outcomes = await Task.WhenAll(Enumerable.Range(0, Contenders).Select(_ => Task.Run(() => Claims.TryClaimAsync("same", "invoke"))));

        outcomes.Count(claimed => claimed).ShouldBe(1);
    }

    [Fact]
    public async Task TryClaim_CreateResentAfterLostResponse_StillOursThenDuplicatesRefused()
    {
        var claims = ClaimsWithResentCreates();

        (await claims.TryClaimAsync("resent", "message")).ShouldBeTrue();

        (await claims.TryClaimAsync("resent", "message")).ShouldBeFalse();
    }

    [Fact]
    public async Task Purge_ClaimsPastRetention_DeletedAndNewerOnesKept()
    {
        await Claims.TryClaimAsync("old-1", "message");
        await Claims.TryClaimAsync("old-2", "invoke");
        Clock.Advance(TimeSpan.FromDays(3));
        await Claims.TryClaimAsync("recent", "message");

        var purged = await Claims.PurgeAsync(Clock.GetUtcNow() - TimeSpan.FromDays(2));

        purged.ShouldBe(2);
        (await Claims.TryClaimAsync("old-1", "message")).ShouldBeTrue();
        (await Claims.TryClaimAsync("recent", "message")).ShouldBeFalse();
        (await Claims.PurgeAsync(Clock.GetUtcNow() - TimeSpan.FromDays(2))).ShouldBe(0);
    }

    [Fact]
    public async Task IsReachable_StoreUp_True()
    {
        (await Claims.IsReachableAsync()).ShouldBeTrue();
    }
}
