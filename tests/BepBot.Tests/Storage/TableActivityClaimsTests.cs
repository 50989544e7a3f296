using System.Diagnostics.Metrics;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using BepBot.Infrastructure.Storage;
using BepBot.Infrastructure.Telemetry;
using BepBot.Tests.Harness;
using BepBot.Tests.Telemetry;
using Microsoft.Extensions.DependencyInjection;

namespace BepBot.Tests.Storage;

public sealed class TableActivityClaimsTests : ActivityClaimsContract, IAsyncLifetime
{
    private readonly string _tableName = $"claims{Guid.NewGuid():N}";
    private readonly ServiceProvider _services = new ServiceCollection().AddMetrics().BuildServiceProvider();

    public TableActivityClaimsTests() => Claims = Create(new TableClientOptions());

    protected override IActivityClaims Claims { get; }

    protected override IActivityClaims ClaimsWithResentWrites()
    {
        var options = new TableClientOptions();
        options.AddPolicy(new SendEntityWritesTwice(), HttpPipelinePosition.PerRetry);
        return Create(options);
    }

    [Fact]
    public async Task Claim_TableMissing_CreatesItThenClaimsWithInstanceAndLease()
    {
        (await Claims.ClaimAsync("first", "message")).MayRun.ShouldBeTrue();

        var entity = await new TableClient(Azurite.ConnectionString, _tableName).GetEntityAsync<TableEntity>("first", "activity");
        entity.Value.GetString("ActivityType").ShouldBe("message");
        entity.Value.GetDateTimeOffset("ReceivedAt").ShouldBe(Clock.GetUtcNow());
        entity.Value.GetString("Instance").ShouldContain(Environment.MachineName);
        entity.Value.GetDateTimeOffset("LeaseEndsAt").ShouldBe(Clock.GetUtcNow() + Lease);
        entity.Value.ContainsKey("CompletedAt").ShouldBeFalse();
    }

    [Fact]
    public async Task Claim_ClaimWrittenBeforeLeasesExisted_Completed()
    {
        var table = new TableClient(Azurite.ConnectionString, _tableName);
        await table.CreateIfNotExistsAsync();
        await table.AddEntityAsync(new TableEntity("before-leases", "activity") { ["ActivityType"] = "invoke", ["ReceivedAt"] = Clock.GetUtcNow(), ["Claim"] = "0f3c" });

        (await Claims.ClaimAsync("before-leases", "invoke")).Status.ShouldBe(ActivityClaimStatus.Completed);
    }

    [Fact]
    public async Task TryClaim_EachInsert_TimedAsAStoreOperation()
    {
        using var recorder = new MetricRecorder(_services.GetRequiredService<IMeterFactory>());

        await Claims.ClaimAsync("timed", "message");
        await Claims.ClaimAsync("timed", "message");

        recorder.Of("bepbot.store.duration").Select(measurement => (measurement.Tags["bepbot.store.operation"], measurement.Tags["bepbot.outcome"]))
            .ShouldBe([("claim", "ok"), ("claim", "conflict")]);
    }

    [Fact]
    public async Task IsReachable_NothingListening_False()
    {
        var options = new TableClientOptions { Retry = { MaxRetries = 0 } };
        var unreachable = new TableActivityClaims(new TableClient(Azurite.ConnectionStringWithout("TableEndpoint"), _tableName, options), Clock, Lease, Metrics());

        (await unreachable.IsReachableAsync()).ShouldBeFalse();
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await new TableClient(Azurite.ConnectionString, _tableName).DeleteAsync();
        await _services.DisposeAsync();
    }

    private TableActivityClaims Create(TableClientOptions options) =>
        new(new TableClient(Azurite.ConnectionString, _tableName, options), Clock, Lease, Metrics());

    private BepBotMetrics Metrics() => new(_services.GetRequiredService<IMeterFactory>());

    /// <summary>What the storage client does when a write's response is lost: it sends the insert (or the replace) again, and the service answers 409 (or 412).</summary>
    private sealed class SendEntityWritesTwice : HttpPipelinePolicy
    {
        public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            await ProcessNextAsync(message, pipeline);
            var isEntityInsert = message.Request.Method == RequestMethod.Post && !message.Request.Uri.Path.EndsWith("/Tables", StringComparison.Ordinal);
            if (isEntityInsert || message.Request.Method == RequestMethod.Put)
            {
                await ProcessNextAsync(message, pipeline);
            }
        }

        public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline) =>
            throw new NotSupportedException("The claims are only used asynchronously.");
    }
}
