using System.Diagnostics.Metrics;
using BepBot.Infrastructure;
using BepBot.Infrastructure.Storage;
using BepBot.Infrastructure.Telemetry;
using BepBot.Platform.Delivery;
using BepBot.Teams;
using BepBot.Tests.Harness;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using static BepBot.Tests.Broadcasts.BroadcastSteps;

namespace BepBot.Tests.Telemetry;

public sealed class TelemetryTests
{
    [Fact]
    public async Task Turn_AideMessage_RecordsOneTurnLatencyMeasurement()
    {
        await using var bot = new BotApplication();
        using var teams = bot.CreateTeamsClient();
        using var metrics = new MetricRecorder(bot.Services.GetRequiredService<IMeterFactory>());

        var reply = await teams.SayAsync(TeamsUser.Megan, "aide");

        reply.Card.ShouldNotBeNull();
        var turn = metrics.Of("bepbot.turn.duration").ShouldHaveSingleItem();
        turn.Unit.ShouldBe("s");
        turn.Value.ShouldBeGreaterThan(0);
        turn.Tags["bepbot.activity.type"].ShouldBe("message");
        turn.Tags["bepbot.outcome"].ShouldBe("ok");
    }

    [Fact]
    public async Task Turn_CardClickAndMessage_EachRecordTheirActivityType()
    {
        await using var bot = new BotApplication();
        using var teams = bot.CreateTeamsClient();
        using var metrics = new MetricRecorder(bot.Services.GetRequiredService<IMeterFactory>());

        await teams.SayAsync(TeamsUser.Alex, "qui suis-je");
        await teams.InvokeAsync(TeamsUser.Alex, "nothing.here", new System.Text.Json.Nodes.JsonObject());

        metrics.Of("bepbot.turn.duration").Select(turn => turn.Tags["bepbot.activity.type"]).ShouldBe(["message", "invoke"]);
    }

    [Fact]
    public async Task Turn_Message_IsTracedAsOneBepBotTurnSpan()
    {
        await using var bot = new BotApplication();
        using var teams = bot.CreateTeamsClient();
        var activityId = $"trace-{Guid.NewGuid():N}";
        var pseudonyms = bot.Services.GetRequiredService<LogPseudonyms>();
        var spans = new System.Collections.Concurrent.ConcurrentQueue<System.Diagnostics.Activity>();
        using var listener = new System.Diagnostics.ActivityListener
        {
            ShouldListenTo = source => source.Name == BepBotMetrics.Name,
            Sample = (ref _) => System.Diagnostics.ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = span =>
            {
                if (span.GetTagItem("bepbot.activity.id") as string == pseudonyms.Of(activityId))
                {
                    spans.Enqueue(span);
                }
            },
        };
        System.Diagnostics.ActivitySource.AddActivityListener(listener);

        await teams.SayAsync(TeamsUser.Megan, "aide", activityId: activityId);

        var span = spans.ShouldHaveSingleItem();
        span.OperationName.ShouldBe("bepbot.turn");
        span.GetTagItem("bepbot.activity.type").ShouldBe("message");
        span.GetTagItem("bepbot.user").ShouldBe(pseudonyms.Of(TeamsUser.Megan.AadObjectId));
        span.GetTagItem("bepbot.user")!.ToString()!.ShouldNotContain(TeamsUser.Megan.AadObjectId);
        span.Duration.ShouldBeGreaterThan(TimeSpan.Zero);
    }

    [Fact]
    public async Task Turn_TenantOutsideAllowList_IsRecordedAsRefused()
    {
        await using var bot = new BotApplication(settings: new Dictionary<string, string?> { ["Bot:AllowedTenants:0"] = "11111111-2222-3333-4444-555555555555" });
        using var teams = bot.CreateTeamsClient();
        using var metrics = new MetricRecorder(bot.Services.GetRequiredService<IMeterFactory>());

        var response = await teams.SayAsync(TeamsUser.Megan, "aide");

        response.Status.ShouldBe(System.Net.HttpStatusCode.Forbidden);
        metrics.Of("bepbot.turn.duration").ShouldHaveSingleItem().Tags["bepbot.outcome"].ShouldBe("refused");
    }

    [Fact]
    public async Task Turn_StoreCallsDuringTheTurn_AreTimedPerOperation()
    {
        await using var bot = new BotApplication();
        using var teams = bot.CreateTeamsClient();
        using var metrics = new MetricRecorder(bot.Services.GetRequiredService<IMeterFactory>());

        await teams.SayAsync(TeamsUser.Patti, "qui suis-je");

        // Bot state is read and written in the store on every turn, and the activity id is recorded against replays.
        var operations = metrics.Of("bepbot.store.duration").Select(store => store.Tags["bepbot.store.operation"]).ToList();
        operations.ShouldContain("get");
        operations.ShouldContain("create");
        metrics.Of("bepbot.store.duration").ShouldAllBe(store => store.Value > 0 && store.Unit == "s");
    }

    [Fact]
    public async Task Store_EachOperation_RecordsItsLatencyAndOutcome()
    {
        await using var bot = new BotApplication();
        using var metrics = new MetricRecorder(bot.Services.GetRequiredService<IMeterFactory>());
        var store = bot.Store;
        var key = $"telemetry/{Guid.NewGuid():N}";

        (await store.GetAsync(key)).ShouldBeNull();
        var etag = await store.CreateAsync(key, BinaryData.FromString("{}"));
        await Should.ThrowAsync<DocumentConflictException>(() => store.CreateAsync(key, BinaryData.FromString("{}")));
        await store.ReplaceAsync(key, BinaryData.FromString("""{"v":1}"""), etag);
        await foreach (var _ in store.ListKeysAsync("telemetry/"))
        {
        }

        (await store.DeleteAsync(key)).ShouldBeTrue();

        store.ShouldBeOfType<InstrumentedDocumentStore>().Inner.ShouldBeOfType<BlobDocumentStore>();
        // The bot's background services use the store too: look for ours among theirs.
        var recorded = metrics.Of("bepbot.store.duration")
            .Select(measurement => $"{measurement.Tags["bepbot.store.operation"]}:{measurement.Tags["bepbot.outcome"]}")
            .ToList();
        recorded.ShouldBeSubsetOf(["get:not_found", "get:ok", "create:ok", "create:conflict", "replace:ok", "upsert:ok", "list:ok", "delete:ok", "delete:not_found", "ping:ok"]);
        foreach (var expected in new[] { "get:not_found", "create:ok", "create:conflict", "replace:ok", "list:ok", "delete:ok" })
        {
            recorded.ShouldContain(expected);
        }
    }

    [Fact]
    public async Task Store_Unreachable_RecordsErrors()
    {
        await using var bot = new BotApplication(settings: new Dictionary<string, string?>
        {
            ["Storage:ConnectionString"] = "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;BlobEndpoint=http://127.0.0.1:9/devstoreaccount1;QueueEndpoint=http://127.0.0.1:9/devstoreaccount1;",
            ["Roster:SeedDemo"] = "false",
        });
        using var metrics = new MetricRecorder(bot.Services.GetRequiredService<IMeterFactory>());

        (await bot.Store.IsReachableAsync()).ShouldBeFalse();

        metrics.Of("bepbot.store.duration").ShouldContain(measurement =>
            measurement.Tags["bepbot.store.operation"] == "ping" && measurement.Tags["bepbot.outcome"] == "error");
    }

    [Fact]
    public async Task Broadcast_Delivered_CountsSentAndUnreachableRecipients()
    {
        await using var connector = await FakeTeamsConnector.StartAsync();
        await using var bot = new BotApplication();
        using var teams = bot.CreateTeamsClient(connector.ServiceUrl);
        await teams.InstallAsync([TeamsUser.Alex, TeamsUser.Megan, TeamsUser.Isaiah]);

        // Isaiah removed BepBot since: Teams answers 403 for his conversation.
        connector.Script(TeamsClient.ConversationIdFor(TeamsUser.Isaiah, ConversationType.Personal), 403);
        using var metrics = new MetricRecorder(bot.Services.GetRequiredService<IMeterFactory>());

        var (_, broadcastId) = await SendAsync(teams, Inputs("bourgmestres"));
        await WaitForStateAsync(bot, broadcastId, BroadcastState.Completed);

        metrics.Of("bepbot.broadcast.deliveries").Select(delivery => delivery.Tags["bepbot.delivery.status"]).Order()
            .ShouldBe(["sent", "unreachable"]);
    }

    // Exporters are chosen while the host is built, from configuration the host sees at start (App Service app
    // settings and environment variables); WebApplicationFactory's overrides arrive later, so these tests build a
    // host of their own with the same registrations as Program.cs.
    [Fact]
    public void Exporters_NotConfigured_NothingIsSetUp()
    {
        using var host = HostWith([]);

        host.Services.GetService<MeterProvider>().ShouldBeNull();
        host.Services.GetService<TracerProvider>().ShouldBeNull();
        host.Services.GetRequiredService<IDocumentStore>().ShouldBeOfType<InstrumentedDocumentStore>();
    }

    [Theory]
    [InlineData("Telemetry:AzureMonitorConnectionString", "InstrumentationKey=5b0f3c2d-7e41-4a86-9c1d-2f3e4a5b6c7d;IngestionEndpoint=http://127.0.0.1:9/")]
    [InlineData("APPLICATIONINSIGHTS_CONNECTION_STRING", "InstrumentationKey=5b0f3c2d-7e41-4a86-9c1d-2f3e4a5b6c7d;IngestionEndpoint=http://127.0.0.1:9/")]
    [InlineData("OTEL_EXPORTER_OTLP_ENDPOINT", "http://127.0.0.1:9")]
    public void Exporters_Configured_MetricsAndTracesAreSetUp(string key, string value)
    {
        // Nothing listens at these addresses: the exporters only need well-formed settings to be set up.
        using var host = HostWith(new() { [key] = value });

        host.Services.GetService<MeterProvider>().ShouldNotBeNull();
        host.Services.GetService<TracerProvider>().ShouldNotBeNull();
    }

    private static WebApplication HostWith(Dictionary<string, string?> settings)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Testing" });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddInfrastructure();
        builder.AddTelemetry();
        return builder.Build();
    }
}
