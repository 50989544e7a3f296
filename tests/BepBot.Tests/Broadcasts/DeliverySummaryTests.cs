using BepBot.Chat.Dashboard;
using BepBot.Platform.Delivery;
using BepBot.Tests.Harness;
using Microsoft.Extensions.DependencyInjection;
using static BepBot.Tests.Broadcasts.BroadcastSteps;

namespace BepBot.Tests.Broadcasts;

/// <summary>
/// The summary a broadcast keeps beside its deliveries (broadcasts/{id}/summary): counted from every record when the
/// broadcast completes (with two instances delivering: BroadcastScaleOutTests), never replaced by an older count, and
/// what « Diffusions » shows a finished broadcast from.
/// </summary>
public sealed class DeliverySummaryTests : IAsyncLifetime
{
    private FakeTeamsConnector _connector = null!;

    public async Task InitializeAsync() => _connector = await FakeTeamsConnector.StartAsync();

    public async Task DisposeAsync() => await _connector.DisposeAsync();

    [Fact]
    public async Task BroadcastPage_FinishedBroadcast_IsShownFromItsSummaryWithoutReadingEachDelivery()
    {
        await using var bot = new BotApplication();
        await SeedOfficersAsync(bot.Store, _connector.ServiceUrl, 30);
        using var teams = bot.CreateTeamsClient(_connector.ServiceUrl);
        await teams.InstallAsync(TeamsUser.Alex);
        var (_, broadcastId) = await SendAsync(teams, Inputs("officers"));
        await WaitForStateAsync(bot, broadcastId, BroadcastState.Completed);
        // Taken away behind the bot's back: a page that still read them one by one would count none.
        foreach (var key in await bot.KeysAsync($"broadcasts/{broadcastId}/deliveries/"))
        {
            await bot.Store.DeleteAsync(key);
        }

        var page = await bot.LoadPageAsync(TeamsUser.Alex, "broadcasts", new Dictionary<string, string> { ["broadcast"] = broadcastId });

        page.Block<FactsBlock>("Remise").Facts.Single(fact => fact.Label == "Envoyés").Value.ShouldBe("30");
        page.Block<TableBlock>("Autres destinataires").Rows.Count.ShouldBe(30);
    }

    [Fact]
    public async Task SaveSummary_AnOlderCountAfterANewerOne_KeepsTheNewer()
    {
        await using var bot = new BotApplication();
        var broadcasts = bot.Services.GetRequiredService<BroadcastStore>();
        var now = DateTimeOffset.UtcNow;

        await broadcasts.SaveSummaryAsync("abc123", Summary(sent: 10, at: now));
        await broadcasts.SaveSummaryAsync("abc123", Summary(sent: 4, at: now.AddSeconds(-5)));

        (await broadcasts.GetSummaryAsync("abc123"))!.Counts.Sent.ShouldBe(10);
    }

    [Fact]
    public async Task SaveSummary_ManyInstancesAtOnce_TheLatestCountIsKept()
    {
        await using var bot = new BotApplication();
        var broadcasts = bot.Services.GetRequiredService<BroadcastStore>();
        var now = DateTimeOffset.UtcNow;

        await Task.WhenAll(Enumerable.Range(1, 20).Reverse().Select(sent => broadcasts.SaveSummaryAsync("abc123", Summary(sent, now.AddSeconds(sent)))));

        (await broadcasts.GetSummaryAsync("abc123"))!.Counts.Sent.ShouldBe(20);
    }

    private static DeliverySummary Summary(int sent, DateTimeOffset at) => new(new DeliveryCounts(sent, 0, 0, 0, 0), [], [], sent, at);
}
