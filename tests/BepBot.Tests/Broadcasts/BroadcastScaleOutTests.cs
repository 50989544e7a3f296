using BepBot.Infrastructure.Scheduling;
using BepBot.Platform.Delivery;
using BepBot.Tests.Harness;
using Microsoft.Extensions.DependencyInjection;
using static BepBot.Tests.Broadcasts.BroadcastSteps;

namespace BepBot.Tests.Broadcasts;

public sealed class BroadcastScaleOutTests : IAsyncLifetime
{
    private const int Recipients = 200;

    // Composing, launching and the status card's refreshes read the broadcast too, about ten times; deliveries each
    // reading it while the store is slow made some eighty.
    private const int ReadsOtherThanTheDeliveries = 30;
    private FakeTeamsConnector _connector = null!;

    public async Task InitializeAsync() => _connector = await FakeTeamsConnector.StartAsync();

    public async Task DisposeAsync() => await _connector.DisposeAsync();

    [Fact]
    public async Task TwoInstancesOnOneStore_200Recipients_EachGetsExactlyOneMessage()
    {
        await using var first = new BotApplication();
        await using var second = new BotApplication(first.Container);
        var conversations = await SeedOfficersAsync(first.Store, _connector.ServiceUrl, Recipients);

        var broadcastId = await SendFromTwoInstancesAsync(first, second);

        AssertEachReceivedOnce(conversations);
        var deliveries = await DeliveriesAsync(first, broadcastId);
        deliveries.Count.ShouldBe(Recipients);
        deliveries.Values.ShouldAllBe(delivery => delivery.Status == DeliveryStatus.Sent && delivery.Attempts == 1);
    }

    [Fact]
    public async Task HostStoppedMidBroadcast_Restarted_EveryoneEndsWithExactlyOneMessage()
    {
        var slow = new Dictionary<string, string?> { ["Bot:ProactiveMessagesPerSecond"] = "40" };
        var first = new BotApplication(settings: slow);
        var container = first.Container;
        var conversations = await SeedOfficersAsync(first.Store, _connector.ServiceUrl, Recipients);
        string broadcastId;
        using (var teams = first.CreateTeamsClient(_connector.ServiceUrl))
        {
            await teams.InstallAsync(TeamsUser.Alex);
            (_, broadcastId) = await SendAsync(teams, Inputs("officers"));
        }

        await WaitUntilAsync(() => _connector.Delivered.Count(IsAnnouncement) >= 40, TimeSpan.FromSeconds(30), () => "the broadcast never started");
        await first.DisposeAsync();
        var deliveredBeforeRestart = _connector.Delivered.Count(IsAnnouncement);

        await using var restarted = new BotApplication(container);
        _ = restarted.Services.GetRequiredService<JobBook>();
        await WaitForStateAsync(restarted, broadcastId, BroadcastState.Completed, TimeSpan.FromSeconds(90));

        deliveredBeforeRestart.ShouldBeLessThan(Recipients, "the host must stop before the broadcast ends for this test to mean anything");
        AssertEachReceivedOnce(conversations);
    }

    [Fact]
    public async Task OneRecipientBackingOff_TheOthersGoOnMeanwhile()
    {
        // A 500 without Retry-After: that one delivery backs off some 20 s before its second try; nobody else has to wait
        // for it. (10 s was once not enough for the other 57 while the whole suite ran on 2 cores.)
        await using var bot = new BotApplication(settings: new Dictionary<string, string?> { ["Broadcasts:BaseRetryDelay"] = "00:00:20" });
        var conversations = await SeedOfficersAsync(bot.Store, _connector.ServiceUrl, 60);
        foreach (var conversation in conversations.Take(3))
        {
            _connector.Script(conversation, 500);
        }

        using var teams = bot.CreateTeamsClient(_connector.ServiceUrl);
        await teams.InstallAsync(TeamsUser.Alex);
        var (_, broadcastId) = await SendAsync(teams, Inputs("officers"));
        await WaitForStateAsync(bot, broadcastId, BroadcastState.Completed, TimeSpan.FromSeconds(60));

        AssertEachReceivedOnce(conversations);
        var retried = _connector.Delivered.Where(request => conversations.Take(3).Contains(request.ConversationId)).Min(request => request.At);
        _connector.Delivered.Where(IsAnnouncement).Count(request => request.At > retried && !conversations.Take(3).Contains(request.ConversationId))
            .ShouldBe(0, "deliveries waited for one that was backing off");
    }

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

        var broadcastId = await SendFromTwoInstancesAsync(first, second);

        var summary = (await second.Services.GetRequiredService<BroadcastStore>().GetSummaryAsync(broadcastId)).ShouldNotBeNull();
        summary.Counts.ShouldBe(new DeliveryCounts(Sent: 116, Pending: 0, Retrying: 0, Failed: 0, Unreachable: 4));
        summary.NotReached.Select(delivery => delivery.RecipientName).ShouldBe(["Agent 001", "Agent 002", "Agent 003", "Agent 004"]);
        (summary.ReachedCount, summary.FirstReached.Count).ShouldBe((116, 116));
        summary.FirstReached.Select(delivery => delivery.RecipientName).ShouldBeInOrder();
    }

    [Fact]
    public async Task HundredsOfDeliveriesAtOnce_TheyShareOneReadOfTheBroadcast()
    {
        // The status card refreshed every 5 s, not every 300 ms: its reads of the broadcast stay few, whatever the machine's pace.
        await using var bot = new BotApplication(settings: new Dictionary<string, string?> { ["Broadcasts:StatusRefreshInterval"] = "00:00:05" });
        bot.WithServices(FaultInjectingDocumentStore.Install);
        var conversations = await SeedOfficersAsync(bot.Store, _connector.ServiceUrl, Recipients);
        using var teams = bot.CreateTeamsClient(_connector.ServiceUrl);
        await teams.InstallAsync(TeamsUser.Alex);

        var store = bot.Services.GetRequiredService<FaultInjectingDocumentStore>();
        // A loaded store: the first deliveries all start before any read of the broadcast has come back.
        store.SlowReads("broadcasts/index/", TimeSpan.FromMilliseconds(300));

        var (_, broadcastId) = await SendAsync(teams, Inputs("officers"));
        // Watched through the store behind, so that the test's own reads are not counted.
        var unwatched = new BroadcastStore(store.Inner);
        await Eventually.WaitUntilAsync(
            async () => (await unwatched.GetAsync(broadcastId))?.Value.State == BroadcastState.Completed, TimeSpan.FromSeconds(60), () => "the broadcast did not complete");

        AssertEachReceivedOnce(conversations);
        var reads = store.ReadsOf($"broadcasts/index/{broadcastId}");
        reads.ShouldBeLessThan(ReadsOtherThanTheDeliveries, $"{reads} reads for {Recipients} recipients");
    }

    // Alex sends to the officers from the first instance; both instances' workers deliver.
    private async Task<string> SendFromTwoInstancesAsync(BotApplication first, BotApplication second)
    {
        _ = second.Services.GetRequiredService<JobBook>();
        using var teams = first.CreateTeamsClient(_connector.ServiceUrl);
        await teams.InstallAsync(TeamsUser.Alex);
        var (_, broadcastId) = await SendAsync(teams, Inputs("officers"));
        await WaitForStateAsync(first, broadcastId, BroadcastState.Completed, TimeSpan.FromSeconds(60));
        return broadcastId;
    }

    private static bool IsAnnouncement(ConnectorRequest request) => request.ConversationId.StartsWith("a:officer-", StringComparison.Ordinal);

    private void AssertEachReceivedOnce(List<string> conversations)
    {
        var received = _connector.Delivered.Where(IsAnnouncement).GroupBy(request => request.ConversationId).ToDictionary(group => group.Key, group => group.Count());
        conversations.Where(id => !received.ContainsKey(id)).ShouldBeEmpty("lost messages");
        received.Where(pair => pair.Value > 1).Select(pair => pair.Key).ShouldBeEmpty("duplicate messages");
        received.Count.ShouldBe(conversations.Count);
    }
}
