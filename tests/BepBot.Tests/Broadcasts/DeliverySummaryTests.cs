using BepBot.Chat.Dashboard;
using BepBot.Infrastructure.Scheduling;
using BepBot.Platform.Delivery;
using BepBot.Tests.Harness;
using Microsoft.Extensions.DependencyInjection;
using static BepBot.Tests.Broadcasts.BroadcastSteps;

namespace BepBot.Tests.Broadcasts;

/// <summary>
/// The summary a broadcast keeps beside its deliveries (broadcasts/{id}/summary): counted from every record when the
/// broadcast completes, never replaced by an older count, and what « Diffusions » shows a finished broadcast from.
/// </summary>
public sealed class DeliverySummaryTests : IAsyncLifetime
{
    private FakeTeamsConnector _connector = null!;

    public async Task InitializeAsync() => _connector = await FakeTeamsConnector.StartAsync();

    public async Task DisposeAsync() => await _connector.DisposeAsync();

    [Fact]
    public async Task TwoInstancesDeliveringAtOnce_TheSummaryCountsEachDeliveryExactlyOnce()
    {
        await using var first = new BotApplication();
        await using var second = new BotApplication(first.Container);
        var conversations = await SeedOfficersAsync(first.Store, _connector.ServiceUrl, 120);
        foreach (var gone in conversations.Take(4))
        {
            _connector.Script(gone, 404);
        }

        _ = second.Services.GetRequiredService<JobBook>();
        using var teams = first.CreateTeamsClient(_connector.ServiceUrl);
        await teams.InstallAsync(TeamsUser.Alex);

        var (_, broadcastId) = await SendAsync(teams, Inputs("officers"));
        await WaitForStateAsync(first, broadcastId, BroadcastState.Completed, TimeSpan.FromSeconds(60));

        var summary = (await second.Services.GetRequiredService<BroadcastStore>().GetSummaryAsync(broadcastId)).ShouldNotBeNull();
        summary.Counts.ShouldBe(new DeliveryCounts(Sent: 116, Pending: 0, Retrying: 0, Failed: 0, Unreachable: 4));
        summary.NotReached.Select(delivery => delivery.RecipientName).ShouldBe(["Agent 001", "Agent 002", "Agent 003", "Agent 004"]);
        (summary.ReachedCount, summary.FirstReached.Count).ShouldBe((116, 116));
        summary.FirstReached.Select(delivery => delivery.RecipientName).ShouldBeInOrder();
    }

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
