using System.Collections.Concurrent;
using BepBot.Infrastructure.Scheduling;
using BepBot.Infrastructure.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace BepBot.Tests.Scheduling;

public sealed class JobRunnerServiceTests : IDisposable
{
    private static readonly DateTimeOffset Start = new(2026, 3, 12, 8, 0, 0, TimeSpan.Zero);

    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"bepbot-jobs-{Guid.NewGuid():N}");
    private readonly FakeTimeProvider _clock = new(Start);
    private readonly RecordingHandler _handler = new();
    private readonly IOptions<SchedulingOptions> _options = Options.Create(new SchedulingOptions { PollInterval = TimeSpan.FromSeconds(5) });

    public JobRunnerServiceTests() => Directory.CreateDirectory(_folder);

    [Fact]
    public async Task ExecuteAsync_JobFallsDue_RunsItOnAPollWithoutBeingAsked()
    {
        var scheduler = NewScheduler(new LocalFolderDocumentStore(_folder));
        using var service = new JobRunnerService(scheduler.Runner, scheduler.DueTimes, _clock, _options, NullLogger<JobRunnerService>.Instance);
        await scheduler.Book.ScheduleAsync(RecordingHandler.DefaultKind, "conference-reminder", Start.AddMinutes(1), "{}");

        await service.StartAsync(CancellationToken.None);
        await PollUntilAsync(() => _handler.Runs.ContainsKey("conference-reminder"));
        await service.StopAsync(CancellationToken.None);

        var job = (await scheduler.Book.GetAsync("conference-reminder")).ShouldNotBeNull();
        job.State.ShouldBe(JobState.Done);
        job.Owner.ShouldBe(service.Owner);
        _handler.Runs["conference-reminder"].ShouldBe(1);
    }

    [Fact]
    public async Task ExecuteAsync_StoreFailsForAWhile_LogsEachFailedPassAndKeepsPolling()
    {
        var store = new FailingFirstListsStore(new LocalFolderDocumentStore(_folder), failures: 3);
        var scheduler = NewScheduler(store);
        var logger = new ListLogger<JobRunnerService>();
        using var service = new JobRunnerService(scheduler.Runner, scheduler.DueTimes, _clock, _options, logger);
        await scheduler.Book.ScheduleAsync(RecordingHandler.DefaultKind, "after-outage", Start, "{}");

        await service.StartAsync(CancellationToken.None);
        await PollUntilAsync(() => _handler.Runs.ContainsKey("after-outage"));
        await service.StopAsync(CancellationToken.None);

        logger.Errors.Count.ShouldBe(3);
        logger.Errors.ShouldAllBe(error => error is IOException);
        _handler.Runs["after-outage"].ShouldBe(1);
        service.ExecuteTask.ShouldNotBeNull().IsCompletedSuccessfully.ShouldBeTrue();
    }

    [Fact]
    public async Task ExecuteAsync_JobScheduledHere_RunsWhenDueWithoutWaitingForTheSweep()
    {
        var hourlySweep = Options.Create(new SchedulingOptions { PollInterval = TimeSpan.FromHours(1) });
        var store = new LocalFolderDocumentStore(_folder);
        var scheduler = NewScheduler(store, hourlySweep);
        var otherInstance = NewScheduler(store, hourlySweep);
        using var service = new JobRunnerService(scheduler.Runner, scheduler.DueTimes, _clock, hourlySweep, NullLogger<JobRunnerService>.Instance);
        await service.StartAsync(CancellationToken.None);
        await scheduler.Book.ScheduleAsync(RecordingHandler.DefaultKind, "ballot-close", Start.AddMinutes(2), "{}");
        await otherInstance.Book.ScheduleAsync(RecordingHandler.DefaultKind, "scheduled-elsewhere", Start.AddMinutes(5), "{}");

        await AdvanceAsync(TimeSpan.FromMinutes(2));
        await PollUntilAsync(() => _handler.Runs.ContainsKey("ballot-close"), TimeSpan.Zero);
        await AdvanceAsync(TimeSpan.FromMinutes(10));
        var elsewhereBeforeTheSweep = _handler.Runs.ContainsKey("scheduled-elsewhere");
        await AdvanceAsync(TimeSpan.FromHours(1));
        await PollUntilAsync(() => _handler.Runs.ContainsKey("scheduled-elsewhere"), TimeSpan.Zero);
        await service.StopAsync(CancellationToken.None);

        elsewhereBeforeTheSweep.ShouldBeFalse();
        _handler.Runs["ballot-close"].ShouldBe(1);
    }

    [Fact]
    public async Task ExecuteAsync_JobScheduledForLater_NoPassBeforeItIsDue()
    {
        var hourlySweep = Options.Create(new SchedulingOptions { PollInterval = TimeSpan.FromHours(1) });
        var store = new FailingFirstListsStore(new LocalFolderDocumentStore(_folder), failures: 0);
        var scheduler = NewScheduler(store, hourlySweep);
        using var service = new JobRunnerService(scheduler.Runner, scheduler.DueTimes, _clock, hourlySweep, NullLogger<JobRunnerService>.Instance);
        await service.StartAsync(CancellationToken.None);
        await PollUntilAsync(() => store.Listings == 1, TimeSpan.Zero);

        await scheduler.Book.ScheduleAsync(RecordingHandler.DefaultKind, "reminder", Start.AddMinutes(10), "{}");
        await AdvanceAsync(TimeSpan.FromMinutes(9));
        var listingsBeforeDue = store.Listings;
        await AdvanceAsync(TimeSpan.FromMinutes(1));
        await PollUntilAsync(() => _handler.Runs.ContainsKey("reminder"), TimeSpan.Zero);
        await service.StopAsync(CancellationToken.None);

        listingsBeforeDue.ShouldBe(1);
        store.Listings.ShouldBe(2);
    }

    [Fact]
    public void Owner_TwoInstances_Differ()
    {
        var scheduler = NewScheduler(new LocalFolderDocumentStore(_folder));
        using var first = new JobRunnerService(scheduler.Runner, scheduler.DueTimes, _clock, _options, NullLogger<JobRunnerService>.Instance);
        using var second = new JobRunnerService(scheduler.Runner, scheduler.DueTimes, _clock, _options, NullLogger<JobRunnerService>.Instance);

        first.Owner.ShouldNotBe(second.Owner);
        first.Owner.ShouldContain(Environment.MachineName);
    }

    [Fact]
    public async Task AddScheduling_Configuration_BindsOptionsAndRunsTheService()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = _folder });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Scheduling:PollInterval"] = "00:00:01",
            ["Scheduling:MaxAttempts"] = "7",
        });
        builder.AddDocumentStore();
        builder.Services.AddSingleton<IJobHandler>(_handler);
        builder.Services.AddSingleton(new JobKind(RecordingHandler.DefaultKind, typeof(RecordingHandler)));

        builder.AddScheduling();

        using var host = builder.Build();
        var options = host.Services.GetRequiredService<IOptions<SchedulingOptions>>().Value;
        options.PollInterval.ShouldBe(TimeSpan.FromSeconds(1));
        options.MaxAttempts.ShouldBe(7);
        options.Lease.ShouldBe(TimeSpan.FromMinutes(2));
        host.Services.GetServices<IHostedService>().OfType<JobRunnerService>().ShouldHaveSingleItem();

        var jobs = host.Services.GetRequiredService<JobBook>();
        await jobs.ScheduleAsync(RecordingHandler.DefaultKind, "real-clock", DateTimeOffset.UtcNow, "{}");
        await host.StartAsync();
        await PollUntilAsync(() => _handler.Runs.ContainsKey("real-clock"));
        await host.StopAsync();
    }

    [Fact]
    public async Task AddScheduling_HandlerThatSchedulesItsFollowUp_ResolvesAndRuns()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = _folder });
        builder.AddDocumentStore();
        builder.Services.AddJobHandler<FollowUpHandler>(FollowUpHandler.JobKind);
        builder.AddScheduling();
        using var host = builder.Build();
        var jobs = host.Services.GetRequiredService<JobBook>();
        await jobs.ScheduleAsync(FollowUpHandler.JobKind, "first", DateTimeOffset.UtcNow, "{}");

        var ran = await host.Services.GetRequiredService<JobRunner>().RunDueJobsAsync("instance-a");

        ran.ShouldBe(1);
        (await jobs.GetAsync("second")).ShouldNotBeNull().State.ShouldBe(JobState.Pending);
    }

    [Fact]
    public async Task AddJobHandler_KindTheHandlerDoesNotHandle_HostRefusesToStart()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = _folder });
        builder.AddDocumentStore();
        builder.Services.AddJobHandler<FollowUpHandler>("test.misspelt");
        builder.AddScheduling();

        using var host = builder.Build();

        var error = await Should.ThrowAsync<InvalidOperationException>(() => host.StartAsync());
        error.Message.ShouldContain("test.misspelt");
    }

    [Fact]
    public async Task AddScheduling_InvalidOptions_HostRefusesToStart()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = _folder });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Scheduling:MaxAttempts"] = "0" });
        builder.AddDocumentStore();
        builder.AddScheduling();

        using var host = builder.Build();

        await Should.ThrowAsync<OptionsValidationException>(() => host.StartAsync());
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    private Scheduler NewScheduler(IDocumentStore store, IOptions<SchedulingOptions>? options = null) =>
        Scheduler.Create(store, [_handler], _clock, (options ?? _options).Value);

    /// <summary>Moves the fake clock a poll interval at a time until the service did what the test waits for.</summary>
    private Task PollUntilAsync(Func<bool> condition) => PollUntilAsync(condition, _options.Value.PollInterval);

    private async Task PollUntilAsync(Func<bool> condition, TimeSpan step)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("The scheduler service did not run the job within 30 s.");
            }

            _clock.Advance(step);
            await Task.Delay(20);
        }
    }

    /// <summary>Moves the fake clock in one step, then lets the service react.</summary>
    private async Task AdvanceAsync(TimeSpan by)
    {
        await Task.Delay(100);
        _clock.Advance(by);
        await Task.Delay(100);
    }

    /// <summary>Takes the book its runner depends on, as a job that schedules its next step does.</summary>
    private sealed class FollowUpHandler(JobBook jobs) : IJobHandler
    {
        public const string JobKind = "test.follow-up";

        public string Kind => JobKind;

        public Task RunAsync(ScheduledJob job, CancellationToken cancellationToken) =>
            job.Id == "first"
                ? jobs.ScheduleAsync(JobKind, "second", job.DueAt.AddDays(1), "{}", cancellationToken)
                : Task.CompletedTask;
    }

    /// <summary>A real store that is unreachable for its first few listings, as during a storage outage.</summary>
    private sealed class FailingFirstListsStore(IDocumentStore inner, int failures) : IDocumentStore
    {
        private int _failuresLeft = failures;
        private int _listings;

        public int Listings => Volatile.Read(ref _listings);

        public IAsyncEnumerable<string> ListKeysAsync(string prefix, CancellationToken cancellationToken = default) =>
            Interlocked.Increment(ref _listings) > 0 && Interlocked.Decrement(ref _failuresLeft) >= 0
                ? throw new IOException("storage unreachable")
                : inner.ListKeysAsync(prefix, cancellationToken);

        public Task<RawDocument?> GetAsync(string key, CancellationToken cancellationToken = default) => inner.GetAsync(key, cancellationToken);

        public Task<string> CreateAsync(string key, BinaryData content, CancellationToken cancellationToken = default) => inner.CreateAsync(key, content, cancellationToken);

        public Task<string> ReplaceAsync(string key, BinaryData content, string etag, CancellationToken cancellationToken = default) => inner.ReplaceAsync(key, content, etag, cancellationToken);

        public Task<string> UpsertAsync(string key, BinaryData content, CancellationToken cancellationToken = default) => inner.UpsertAsync(key, content, cancellationToken);

        public Task<bool> DeleteAsync(string key, string? etag = null, CancellationToken cancellationToken = default) => inner.DeleteAsync(key, etag, cancellationToken);

        public Task<bool> IsReachableAsync(CancellationToken cancellationToken = default) => inner.IsReachableAsync(cancellationToken);
    }

    private sealed class ListLogger<T> : ILogger<T>
    {
        private readonly ConcurrentQueue<Exception?> _errors = new();

        public IReadOnlyList<Exception?> Errors => [.. _errors];

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (logLevel >= LogLevel.Error)
            {
                _errors.Enqueue(exception);
            }
        }
    }
}
