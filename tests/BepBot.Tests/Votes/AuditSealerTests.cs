using BepBot.Features.Votes;
using BepBot.Tests.Harness;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace BepBot.Tests.Votes;

/// <summary>
/// When the background sealer chains a ballot's journal: once its events pause, or at the latest after the ceiling;
/// never in the middle of a rush otherwise. The close, exports and verification seal at once (VoteTests).
/// </summary>
public sealed class AuditSealerTests
{
    [Theory]
    [InlineData("00:00:00.200", "01:00:00")] // the events pause
    [InlineData("01:00:00", "00:00:00.300")] // they would keep coming: the ceiling
    public async Task AfterAVote_SealedInTheBackground(string quiet, string ceiling)
    {
        await using var bot = Bot(quiet, ceiling);
        using var teams = bot.CreateTeamsClient();
        var ballot = await VoteSteps.OpenAsync(bot, VoteSteps.Motion());

        await VoteSteps.VoteAsync(teams, TeamsUser.Megan, ballot.Id, "Namur", "pour");

        (await SealedEntriesAsync(bot, ballot.Id, atLeast: 3)).ShouldBeGreaterThanOrEqualTo(3);
    }

    [Fact]
    public async Task NoPauseBeforeTheCeiling_JournalWaits_VerificationSealsItAtOnce()
    {
        await using var bot = Bot(quiet: "01:00:00", ceiling: "01:00:00");
        using var teams = bot.CreateTeamsClient();
        var ballot = await VoteSteps.OpenAsync(bot, VoteSteps.Motion());
        await VoteSteps.VoteAsync(teams, TeamsUser.Megan, ballot.Id, "Namur", "pour");
        await Task.Delay(TimeSpan.FromSeconds(1));
        var audit = bot.Services.GetRequiredService<AuditLog>();
        (await audit.HeadAsync(ballot.Id)).ShouldBeNull();
        (await bot.KeysAsync($"votes/{ballot.Id}/journal/")).Count.ShouldBe(3);

        var verification = await audit.VerifyAsync(ballot.Id);

        verification.Entries.ShouldBe(3);
        verification.FirstBroken.ShouldBeNull();
        (await bot.KeysAsync($"votes/{ballot.Id}/journal/")).ShouldBeEmpty();
    }

    [Fact]
    public async Task SealingLeaseRanOutUnderLoad_AnotherSealerWentOn_TheCloseStillSealsAndTheChainHoldsEveryEventOnce()
    {
        await using var bot = Bot(quiet: "01:00:00", ceiling: "01:00:00");
        bot.WithServices(FaultInjectingDocumentStore.Install);
        using var teams = bot.CreateTeamsClient();
        var ballot = await VoteSteps.OpenAsync(bot, VoteSteps.Motion());
        await VoteSteps.VoteAsync(teams, TeamsUser.Megan, ballot.Id, "Namur", "pour");
        await VoteSteps.VoteAsync(teams, TeamsUser.Adele, ballot.Id, "Dinant", "contre");
        var store = bot.Services.GetRequiredService<FaultInjectingDocumentStore>();
        var audit = bot.Services.GetRequiredService<AuditLog>();
        // This sealer stalls on its first chain entry long enough for its lease to run out...
        var hold = store.HoldOnce($"votes/{ballot.Id}/audit/");
        var stalled = audit.SealAsync(ballot.Id, wait: true);
        await hold.Reached.WaitAsync(TimeSpan.FromSeconds(30));
        // ...and another instance, whose clock is past that lease, takes it over and seals the whole journal.
        var otherInstance = new AuditLog(store, new ShiftedClock { Offset = TimeSpan.FromMinutes(3) }, NullLogger<AuditLog>.Instance);
        await otherInstance.SealAsync(ballot.Id, wait: false);

        hold.Release();
        await stalled.WaitAsync(TimeSpan.FromSeconds(30));

        var verification = await audit.VerifyAsync(ballot.Id);
        verification.FirstBroken.ShouldBeNull();
        (await audit.EntriesAsync(ballot.Id)).Select(entry => entry.JournalId).ShouldBeUnique();
        verification.Entries.ShouldBe((await audit.EntriesAsync(ballot.Id)).Count);
        (await bot.KeysAsync($"votes/{ballot.Id}/journal/")).ShouldBeEmpty();
        (await bot.KeysAsync($"votes/{ballot.Id}/audit-lease")).ShouldBeEmpty();
    }

    private static BotApplication Bot(string quiet, string ceiling) =>
        new(settings: new Dictionary<string, string?> { ["Votes:AuditSealQuiet"] = quiet, ["Votes:AuditSealMaxDelay"] = ceiling });

    /// <summary>Waits (up to 20 s) until the chain holds at least <paramref name="atLeast"/> entries; their count.</summary>
    private static async Task<int> SealedEntriesAsync(BotApplication bot, string ballotId, int atLeast)
    {
        var audit = bot.Services.GetRequiredService<AuditLog>();
        for (var attempt = 0; attempt < 200; attempt++)
        {
            if (await audit.HeadAsync(ballotId) is { } head && head.Sequence >= atLeast)
            {
                (await bot.KeysAsync($"votes/{ballotId}/journal/")).ShouldBeEmpty();
                return head.Sequence;
            }

            await Task.Delay(100);
        }

        return (await audit.HeadAsync(ballotId))?.Sequence ?? 0;
    }
}
