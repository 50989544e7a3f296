using BepBot.Infrastructure.Scheduling;
using BepBot.Infrastructure.Storage;
using Microsoft.Extensions.Time.Testing;

namespace BepBot.Tests.Scheduling;

/// <summary>
/// The scheduler on each document store. Every test gets its own empty storage; <see cref="OpenStore"/> opens
/// another client on it, as a second bot instance would. Time is a fake clock, except where handlers really wait.
/// </summary>
public abstract class JobSchedulerContract
{
    protected static readonly DateTimeOffset Start = new(2026, 3, 12, 8, 0, 0, TimeSpan.Zero);

    private static readonly SchedulingOptions Options = new()
    {
        PollInterval = TimeSpan.FromSeconds(5),
        Lease = TimeSpan.FromMinutes(2),
        MaxAttempts = 3,
        RetryDelay = TimeSpan.FromSeconds(30),
        Retention = TimeSpan.FromDays(30),
    };

    protected FakeTimeProvider Clock { get; } = new(Start);

    protected RecordingHandler Handler { get; } = new();

    /// <summary>A new client on this test's storage.</summary>
    protected abstract IDocumentStore OpenStore();

    [Fact]
    public async Task RunDueJobsAsync_DueJob_RunsOnceAndIsDone()
    {
        var scheduler = NewScheduler();
        await scheduler.Book.ScheduleAsync(RecordingHandler.DefaultKind, "broadcast-1", Start, """{"broadcast":"1"}""");

        var first = await scheduler.Runner.RunDueJobsAsync("instance-a");
        var second = await scheduler.Runner.RunDueJobsAsync("instance-a");

        first.ShouldBe(1);
        second.ShouldBe(0);
        Handler.Runs.ShouldHaveSingleItem().ShouldBe(new KeyValuePair<string, int>("broadcast-1", 1));
        var job = (await scheduler.Book.GetAsync("broadcast-1")).ShouldNotBeNull();
        job.State.ShouldBe(JobState.Done);
        job.Owner.ShouldBe("instance-a");
        job.CompletedAt.ShouldBe(Start);
        job.LeaseUntil.ShouldBeNull();
        job.Attempts.ShouldBe(0);
        job.Payload.ShouldBe("""{"broadcast":"1"}""");
    }

    [Fact]
    public async Task RunDueJobsAsync_FutureJob_RunsOnlyOnceTheClockPassesDueAt()
    {
        var scheduler = NewScheduler();
        await scheduler.Book.ScheduleAsync(RecordingHandler.DefaultKind, "reminder", Start.AddMinutes(10), "{}");

        var now = await scheduler.Runner.RunDueJobsAsync("a");
        Clock.Advance(TimeSpan.FromMinutes(10) - TimeSpan.FromSeconds(1));
        var justBefore = await scheduler.Runner.RunDueJobsAsync("a");
        Clock.Advance(TimeSpan.FromSeconds(1));
        var atDueTime = await scheduler.Runner.RunDueJobsAsync("a");

        now.ShouldBe(0);
        justBefore.ShouldBe(0);
        atDueTime.ShouldBe(1);
        Handler.Runs["reminder"].ShouldBe(1);
    }

    [Fact]
    public async Task RunDueJobsAsync_TwoInstancesConcurrentlyOverFiftyDueJobs_EachJobRunsExactlyOnce()
    {
        var first = NewScheduler(OpenStore());
        var second = NewScheduler(OpenStore());
        for (var i = 0; i < 50; i++)
        {
            await first.Book.ScheduleAsync(RecordingHandler.DefaultKind, $"job-{i:00}", Start.AddSeconds(-i), $"{i}");
        }

        Handler.Behaviour = async (_, ct) => await Task.Delay(2, ct);

        var passes = await Task.WhenAll(
            Task.Run(() => first.Runner.RunDueJobsAsync("instance-a")),
            Task.Run(() => second.Runner.RunDueJobsAsync("instance-b")));
        var again = await Task.WhenAll(first.Runner.RunDueJobsAsync("instance-a"), second.Runner.RunDueJobsAsync("instance-b"));

        passes.Sum().ShouldBe(50);
        again.Sum().ShouldBe(0);
        Handler.Runs.Count.ShouldBe(50);
        Handler.Runs.Values.ShouldAllBe(count => count == 1);
        var jobs = await ListAsync(first);
        jobs.Count.ShouldBe(50);
        jobs.ShouldAllBe(job => job.State == JobState.Done);
    }

    [Fact]
    public async Task RunDueJobsAsync_JobsFellDueWhileDown_AllRunOnTheNextPassOldestFirst()
    {
        var scheduler = NewScheduler();
        foreach (var hours in new[] { 3, 1, 5, 2, 4 })
        {
            await scheduler.Book.ScheduleAsync(RecordingHandler.DefaultKind, $"due-in-{hours}h", Start.AddHours(hours), "{}");
        }

        Clock.Advance(TimeSpan.FromHours(6));
        var ran = await scheduler.Runner.RunDueJobsAsync("a");

        ran.ShouldBe(5);
        Handler.Order.ShouldBe(["due-in-1h", "due-in-2h", "due-in-3h", "due-in-4h", "due-in-5h"]);
    }

    [Fact]
    public async Task RunDueJobsAsync_HandlerAlwaysFails_RetriedWithGrowingBackoffThenFailed()
    {
        var scheduler = NewScheduler();
        Handler.Behaviour = (_, _) => throw new HttpRequestException("connector answered 502");
        await scheduler.Book.ScheduleAsync(RecordingHandler.DefaultKind, "flaky", Start, "{}");

        (await scheduler.Runner.RunDueJobsAsync("a")).ShouldBe(1);
        var afterFirst = (await scheduler.Book.GetAsync("flaky")).ShouldNotBeNull();
        (await scheduler.Runner.RunDueJobsAsync("a")).ShouldBe(0);
        Clock.Advance(TimeSpan.FromSeconds(30));
        (await scheduler.Runner.RunDueJobsAsync("a")).ShouldBe(1);
        var afterSecond = (await scheduler.Book.GetAsync("flaky")).ShouldNotBeNull();
        Clock.Advance(TimeSpan.FromSeconds(59));
        (await scheduler.Runner.RunDueJobsAsync("a")).ShouldBe(0);
        Clock.Advance(TimeSpan.FromSeconds(1));
        (await scheduler.Runner.RunDueJobsAsync("a")).ShouldBe(1);
        Clock.Advance(TimeSpan.FromDays(1));
        (await scheduler.Runner.RunDueJobsAsync("a")).ShouldBe(0);

        afterFirst.State.ShouldBe(JobState.Pending);
        afterFirst.Attempts.ShouldBe(1);
        afterFirst.DueAt.ShouldBe(Start.AddSeconds(30));
        afterFirst.Owner.ShouldBeNull();
        afterFirst.LastError.ShouldBe("HttpRequestException: connector answered 502");
        afterSecond.State.ShouldBe(JobState.Pending);
        afterSecond.Attempts.ShouldBe(2);
        afterSecond.DueAt.ShouldBe(Start.AddSeconds(30 + 60));
        var failed = (await scheduler.Book.GetAsync("flaky")).ShouldNotBeNull();
        failed.State.ShouldBe(JobState.Failed);
        failed.Attempts.ShouldBe(3);
        failed.CompletedAt.ShouldBe(Start.AddSeconds(90));
        Handler.Runs["flaky"].ShouldBe(3);
    }

    [Fact]
    public async Task RunDueJobsAsync_HandlerFailsOnceThenSucceeds_DoneWithOneFailedAttempt()
    {
        var scheduler = NewScheduler();
        Handler.Behaviour = (job, _) => Handler.Runs[job.Id] == 1 ? throw new InvalidOperationException("first time") : Task.CompletedTask;
        await scheduler.Book.ScheduleAsync(RecordingHandler.DefaultKind, "second-time-lucky", Start, "{}");

        await scheduler.Runner.RunDueJobsAsync("a");
        Clock.Advance(TimeSpan.FromSeconds(30));
        await scheduler.Runner.RunDueJobsAsync("b");

        var job = (await scheduler.Book.GetAsync("second-time-lucky")).ShouldNotBeNull();
        job.State.ShouldBe(JobState.Done);
        job.Attempts.ShouldBe(1);
        job.Owner.ShouldBe("b");
        Handler.Runs["second-time-lucky"].ShouldBe(2);
    }

    [Fact]
    public async Task RunDueJobsAsync_OwnerCrashedAndLeaseExpired_AnotherInstanceTakesOver()
    {
        var store = OpenStore();
        await store.UpsertAsync(
            "jobs/orphan",
            new ScheduledJob("orphan", RecordingHandler.DefaultKind, Start.AddMinutes(-5), "{}", JobState.Running, 0, "crashed-instance", Start.AddSeconds(-1), null, null));

        var ran = await NewScheduler(store).Runner.RunDueJobsAsync("survivor");

        ran.ShouldBe(1);
        Handler.Runs["orphan"].ShouldBe(1);
        var job = (await NewScheduler().Book.GetAsync("orphan")).ShouldNotBeNull();
        job.State.ShouldBe(JobState.Done);
        job.Owner.ShouldBe("survivor");
        job.Attempts.ShouldBe(1);
        job.LastError.ShouldNotBeNull().ShouldContain("crashed-instance");
    }

    [Fact]
    public async Task RunDueJobsAsync_LeaseOfAnotherInstanceStillValid_LeavesTheJobAlone()
    {
        var store = OpenStore();
        await store.UpsertAsync(
            "jobs/busy",
            new ScheduledJob("busy", RecordingHandler.DefaultKind, Start, "{}", JobState.Running, 0, "instance-a", Start.AddMinutes(1), null, null));
        var scheduler = NewScheduler(store);

        var whileValid = await scheduler.Runner.RunDueJobsAsync("instance-b");
        Clock.Advance(TimeSpan.FromMinutes(1));
        var onceExpired = await scheduler.Runner.RunDueJobsAsync("instance-b");

        whileValid.ShouldBe(0);
        onceExpired.ShouldBe(1);
    }

    [Fact]
    public async Task RunDueJobsAsync_CrashedOnTheLastAttempt_FailedWithoutRunningAgain()
    {
        var store = OpenStore();
        await store.UpsertAsync(
            "jobs/poison",
            new ScheduledJob("poison", RecordingHandler.DefaultKind, Start, "{}", JobState.Running, 2, "crashed-instance", Start.AddSeconds(-1), null, null));

        var ran = await NewScheduler(store).Runner.RunDueJobsAsync("survivor");

        ran.ShouldBe(0);
        Handler.Runs.ShouldBeEmpty();
        var job = (await NewScheduler().Book.GetAsync("poison")).ShouldNotBeNull();
        job.State.ShouldBe(JobState.Failed);
        job.Attempts.ShouldBe(3);
    }

    [Fact]
    public async Task RunDueJobsAsync_HandlerOutlivesItsLease_LeaseRenewedAndNotTakenOver()
    {
        var owner = NewScheduler(OpenStore());
        var other = NewScheduler(OpenStore());
        var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Handler.Behaviour = async (_, ct) =>
        {
            entered.TrySetResult();
            await release.Task.WaitAsync(ct);
        };
        await owner.Book.ScheduleAsync(RecordingHandler.DefaultKind, "long", Start, "{}");

        var running = Task.Run(() => owner.Runner.RunDueJobsAsync("instance-a"));
        await entered.Task.WaitAsync(TimeSpan.FromSeconds(30));
        var firstLease = (await owner.Book.GetAsync("long")).ShouldNotBeNull().LeaseUntil.ShouldNotBeNull();
        Clock.Advance(TimeSpan.FromMinutes(1));
        await EventuallyAsync(async () => (await owner.Book.GetAsync("long"))!.LeaseUntil > firstLease);
        Clock.Advance(TimeSpan.FromMinutes(1.4));
        var takenOver = await other.Runner.RunDueJobsAsync("instance-b");
        release.SetResult();

        takenOver.ShouldBe(0);
        (await running).ShouldBe(1);
        Handler.Runs["long"].ShouldBe(1);
        var job = (await owner.Book.GetAsync("long")).ShouldNotBeNull();
        job.State.ShouldBe(JobState.Done);
        job.Owner.ShouldBe("instance-a");
    }

    [Fact]
    public async Task RunDueJobsAsync_LeaseLostWhileRunning_HandlerCancelledAndItsOutcomeNotRecorded()
    {
        var store = OpenStore();
        var scheduler = NewScheduler(store);
        var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var cancelled = false;
        Handler.Behaviour = async (_, ct) =>
        {
            entered.TrySetResult();
            try
            {
                await Task.Delay(Timeout.Infinite, ct);
            }
            catch (OperationCanceledException)
            {
                cancelled = true;
                throw;
            }
        };
        await scheduler.Book.ScheduleAsync(RecordingHandler.DefaultKind, "contested", Start, "{}");

        var running = Task.Run(() => scheduler.Runner.RunDueJobsAsync("instance-a"));
        await entered.Task.WaitAsync(TimeSpan.FromSeconds(30));
        var takeover = new ScheduledJob("contested", RecordingHandler.DefaultKind, Start, "{}", JobState.Running, 1, "instance-b", Start.AddMinutes(5), null, null);
        await store.UpsertAsync("jobs/contested", takeover);
        Clock.Advance(TimeSpan.FromMinutes(1));

        (await running.WaitAsync(TimeSpan.FromSeconds(30))).ShouldBe(1);
        cancelled.ShouldBeTrue();
        (await scheduler.Book.GetAsync("contested")).ShouldBe(takeover);
    }

    [Fact]
    public async Task RunDueJobsAsync_BotStopsDuringHandler_JobHandedBackPendingWithoutAnAttempt()
    {
        var scheduler = NewScheduler();
        var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Handler.Behaviour = async (_, ct) =>
        {
            entered.TrySetResult();
            await Task.Delay(Timeout.Infinite, ct);
        };
        await scheduler.Book.ScheduleAsync(RecordingHandler.DefaultKind, "interrupted", Start, "{}");
        using var stopping = new CancellationTokenSource();

        var running = Task.Run(() => scheduler.Runner.RunDueJobsAsync("instance-a", stopping.Token));
        await entered.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await stopping.CancelAsync();
        await running.WaitAsync(TimeSpan.FromSeconds(30));

        var job = (await scheduler.Book.GetAsync("interrupted")).ShouldNotBeNull();
        job.State.ShouldBe(JobState.Pending);
        job.Attempts.ShouldBe(0);
        job.Owner.ShouldBeNull();
        job.LeaseUntil.ShouldBeNull();
        Handler.Behaviour = (_, _) => Task.CompletedTask;
        (await scheduler.Runner.RunDueJobsAsync("instance-b")).ShouldBe(1);
    }

    [Fact]
    public async Task CancelAsync_PendingJob_NeverRuns()
    {
        var scheduler = NewScheduler();
        await scheduler.Book.ScheduleAsync(RecordingHandler.DefaultKind, "scheduled-broadcast", Start.AddHours(1), "{}");

        var cancelled = await scheduler.Book.CancelAsync("scheduled-broadcast");
        Clock.Advance(TimeSpan.FromHours(2));
        var ran = await scheduler.Runner.RunDueJobsAsync("a");

        cancelled.ShouldBeTrue();
        ran.ShouldBe(0);
        Handler.Runs.ShouldBeEmpty();
        var job = (await scheduler.Book.GetAsync("scheduled-broadcast")).ShouldNotBeNull();
        job.State.ShouldBe(JobState.Cancelled);
        job.CompletedAt.ShouldBe(Start);
        (await scheduler.Book.CancelAsync("scheduled-broadcast")).ShouldBeFalse();
    }

    [Fact]
    public async Task CancelAsync_DoneOrMissingJob_ReturnsFalse()
    {
        var scheduler = NewScheduler();
        await scheduler.Book.ScheduleAsync(RecordingHandler.DefaultKind, "done", Start, "{}");
        await scheduler.Runner.RunDueJobsAsync("a");

        (await scheduler.Book.CancelAsync("done")).ShouldBeFalse();
        (await scheduler.Book.CancelAsync("never-scheduled")).ShouldBeFalse();
        (await scheduler.Book.GetAsync("done")).ShouldNotBeNull().State.ShouldBe(JobState.Done);
    }

    [Fact]
    public async Task ScheduleAsync_SameIdAgain_ReturnsTheExistingJobUnchanged()
    {
        var scheduler = NewScheduler();
        var original = await scheduler.Book.ScheduleAsync(RecordingHandler.DefaultKind, "ballot-7-close", Start.AddHours(1), """{"v":1}""");

        var repeated = await scheduler.Book.ScheduleAsync(RecordingHandler.DefaultKind, "ballot-7-close", Start.AddHours(9), """{"v":2}""");
        Clock.Advance(TimeSpan.FromHours(1));
        await scheduler.Runner.RunDueJobsAsync("a");
        var afterRun = await scheduler.Book.ScheduleAsync(RecordingHandler.DefaultKind, "ballot-7-close", Start.AddHours(9), """{"v":3}""");
        Clock.Advance(TimeSpan.FromHours(9));
        await scheduler.Runner.RunDueJobsAsync("a");

        repeated.ShouldBe(original);
        afterRun.State.ShouldBe(JobState.Done);
        afterRun.Payload.ShouldBe("""{"v":1}""");
        Handler.Runs["ballot-7-close"].ShouldBe(1);
    }

    [Fact]
    public async Task ScheduleAsync_SameIdConcurrently_OneJob()
    {
        var schedulers = Enumerable.Range(0, 8).Select(_ => NewScheduler(OpenStore())).ToList();

        var results = await Task.WhenAll(schedulers.Select((scheduler, i) =>
            Task.Run(() => scheduler.Book.ScheduleAsync(RecordingHandler.DefaultKind, "once", Start, $"{i}"))));

        results.Distinct().ShouldHaveSingleItem();
        (await ListAsync(schedulers[0])).ShouldHaveSingleItem();
    }

    [Fact]
    public async Task ScheduleAsync_UnknownKind_ThrowsAndStoresNothing()
    {
        var scheduler = NewScheduler();

        await Should.ThrowAsync<ArgumentException>(() => scheduler.Book.ScheduleAsync("votes.auto-close", "x", Start, "{}"));

        (await ListAsync(scheduler)).ShouldBeEmpty();
    }

    [Fact]
    public async Task ScheduleAsync_IdWithAnyCharacters_StoredUnderOneSafeKey()
    {
        var store = OpenStore();
        var scheduler = NewScheduler(store);
        const string Id = "19:conv@thread.tacv2;messageid=1/Namur é";

        await scheduler.Book.ScheduleAsync(RecordingHandler.DefaultKind, Id, Start, "{}");

        var keys = new List<string>();
        await foreach (var key in store.ListKeysAsync(JobDocuments.KeyPrefix))
        {
            keys.Add(key);
        }

        keys.ShouldHaveSingleItem().ShouldBe("jobs/" + DocumentKey.Segment(Id));
        (await scheduler.Book.GetAsync(Id)).ShouldNotBeNull().Id.ShouldBe(Id);
        await scheduler.Runner.RunDueJobsAsync("a");
        Handler.Runs[Id].ShouldBe(1);
    }

    [Fact]
    public async Task ListAsync_Kind_OnlyJobsOfThatKind()
    {
        var reminders = new RecordingHandler("labs.reminder");
        var scheduler = NewScheduler(OpenStore(), Handler, reminders);
        await scheduler.Book.ScheduleAsync(RecordingHandler.DefaultKind, "a", Start, "{}");
        await scheduler.Book.ScheduleAsync("labs.reminder", "b", Start, "{}");
        await scheduler.Book.ScheduleAsync("labs.reminder", "c", Start, "{}");

        var all = await ListAsync(scheduler);
        var onlyReminders = await ListAsync(scheduler, "labs.reminder");

        all.Select(job => job.Id).Order().ShouldBe(["a", "b", "c"]);
        onlyReminders.Select(job => job.Id).Order().ShouldBe(["b", "c"]);
    }

    [Fact]
    public async Task RunDueJobsAsync_FinishedJobPastRetention_Deleted()
    {
        var scheduler = NewScheduler();
        await scheduler.Book.ScheduleAsync(RecordingHandler.DefaultKind, "old", Start, "{}");
        await scheduler.Book.ScheduleAsync(RecordingHandler.DefaultKind, "cancelled", Start.AddDays(1), "{}");
        await scheduler.Book.CancelAsync("cancelled");
        await scheduler.Runner.RunDueJobsAsync("a");

        Clock.Advance(TimeSpan.FromDays(30) - TimeSpan.FromSeconds(1));
        await scheduler.Runner.RunDueJobsAsync("a");
        var justBefore = await ListAsync(scheduler);
        Clock.Advance(TimeSpan.FromSeconds(1));
        await scheduler.Runner.RunDueJobsAsync("a");

        justBefore.Count.ShouldBe(2);
        (await ListAsync(scheduler)).ShouldBeEmpty();
    }

    [Fact]
    public async Task RunDueJobsAsync_UnreadableJobDocument_SkippedAndOtherJobsRun()
    {
        var store = OpenStore();
        await store.UpsertAsync("jobs/damaged", BinaryData.FromString("{ not json"));
        await store.UpsertAsync("jobs/unknown-state", BinaryData.FromString("""{"id":"x","kind":"test.record","state":"exploded"}"""));
        var scheduler = NewScheduler(store);
        await scheduler.Book.ScheduleAsync(RecordingHandler.DefaultKind, "healthy", Start, "{}");

        var ran = await scheduler.Runner.RunDueJobsAsync("a");

        ran.ShouldBe(1);
        Handler.Runs.Keys.ShouldBe(["healthy"]);
        (await ListAsync(scheduler)).ShouldHaveSingleItem().Id.ShouldBe("healthy");
    }

    [Fact]
    public async Task RunDueJobsAsync_NoHandlerForKindInThisInstance_CountsAsAFailedAttempt()
    {
        var store = OpenStore();
        await NewScheduler(store, new RecordingHandler("labs.reminder")).Book.ScheduleAsync("labs.reminder", "orphan-kind", Start, "{}");

        await NewScheduler(store).Runner.RunDueJobsAsync("older-version");

        var job = (await NewScheduler(store).Book.GetAsync("orphan-kind")).ShouldNotBeNull();
        job.State.ShouldBe(JobState.Pending);
        job.Attempts.ShouldBe(1);
        job.LastError.ShouldNotBeNull().ShouldContain("labs.reminder");
    }

    [Fact]
    public async Task NewScheduler_TwoHandlersForOneKind_ThrowsAndStoresNothing()
    {
        var error = Should.Throw<InvalidOperationException>(() => NewScheduler(OpenStore(), Handler, new RecordingHandler()));

        error.Message.ShouldContain(RecordingHandler.DefaultKind);
        (await NewScheduler().Book.GetAsync("x")).ShouldBeNull();
    }

    /// <summary>One bot instance's book and runner, on <paramref name="store"/> (a new client when none).</summary>
    protected Scheduler NewScheduler(IDocumentStore? store = null, params IJobHandler[] handlers) =>
        Scheduler.Create(store ?? OpenStore(), handlers.Length == 0 ? [Handler] : handlers, Clock, Options);

    private static async Task<List<ScheduledJob>> ListAsync(Scheduler scheduler, string? kind = null)
    {
        var jobs = new List<ScheduledJob>();
        await foreach (var job in scheduler.Book.ListAsync(kind))
        {
            jobs.Add(job);
        }

        return jobs;
    }

    private static async Task EventuallyAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("The condition did not hold within 30 s.");
            }

            await Task.Delay(20);
        }
    }
}
