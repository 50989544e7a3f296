using BepBot.Tests.Harness;

namespace BepBot.Tests.Bot;

public sealed class ActivityClaimTests
{
    [Fact]
    public async Task Message_DeliveredTwice_AnsweredOnceAndClaimedInTheTableNotTheDocumentContainer()
    {
        await using var bot = new BotApplication();
        using var teams = bot.CreateTeamsClient();

        var first = await teams.SayAsync(TeamsUser.Megan, "qui suis-je", activityId: "delivered-twice");
        var second = await teams.SayAsync(TeamsUser.Megan, "qui suis-je", activityId: "delivered-twice");

        first.AllText.ShouldContain("bourgmestre");
        second.Texts.ShouldBeEmpty();
        (await bot.ActivityClaimsAsync()).Count.ShouldBe(1);
        (await bot.KeysAsync("activities/")).ShouldBeEmpty();
    }

    [Fact]
    public async Task Claims_PastRetention_PurgedByTheBotAndRecentOnesKept()
    {
        await using var bot = new BotApplication(settings: new Dictionary<string, string?>
        {
            ["Storage:ActivityClaimRetention"] = "1.00:00:00",
            ["Storage:ActivityClaimPurgeInterval"] = "00:00:00.100",
        });
        using var teams = bot.CreateTeamsClient();
        await teams.SayAsync(TeamsUser.Megan, "qui suis-je", activityId: "two-days-ago");
        bot.Clock.Offset = TimeSpan.FromDays(2);
        await teams.SayAsync(TeamsUser.Megan, "qui suis-je", activityId: "just-now");

        var deadline = DateTime.UtcNow.AddSeconds(15);
        while ((await bot.ActivityClaimsAsync()).Count > 1 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        (await bot.ActivityClaimsAsync()).Count.ShouldBe(1);
        (await teams.SayAsync(TeamsUser.Megan, "qui suis-je", activityId: "just-now")).Texts.ShouldBeEmpty();
        (await teams.SayAsync(TeamsUser.Megan, "qui suis-je", activityId: "two-days-ago")).AllText.ShouldContain("bourgmestre");
    }
}
