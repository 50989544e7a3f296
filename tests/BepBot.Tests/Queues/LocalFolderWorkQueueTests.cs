using BepBot.Infrastructure.Queues;
using Microsoft.Extensions.Time.Testing;

namespace BepBot.Tests.Queues;

public sealed class LocalFolderWorkQueueTests(LocalFolderWorkQueueTests.TemporaryFolder folder)
    : WorkQueueContract, IClassFixture<LocalFolderWorkQueueTests.TemporaryFolder>
{
    protected override IWorkQueue Queue { get; } = new LocalFolderWorkQueue(folder.Path, TimeProvider.System);

    protected override IWorkQueue OpenAnother() => new LocalFolderWorkQueue(folder.Path, TimeProvider.System);

    [Fact]
    public async Task ReceiveAsync_VisibilityTimeoutPassedOnTheClock_MessageBackWithDequeueCountTwo()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 12, 9, 0, 0, TimeSpan.Zero));
        var queue = new LocalFolderWorkQueue(folder.Path, clock);
        await queue.EnqueueAsync(Name, BinaryData.FromString("x"));
        var first = (await queue.ReceiveAsync(Name, 1, TimeSpan.FromMinutes(10))).ShouldHaveSingleItem();

        clock.Advance(TimeSpan.FromMinutes(10) - TimeSpan.FromTicks(1));
        var justBefore = await queue.ReceiveAsync(Name, 1, TimeSpan.FromMinutes(10));
        clock.Advance(TimeSpan.FromTicks(1));
        var atTimeout = await queue.ReceiveAsync(Name, 1, TimeSpan.FromMinutes(10));

        justBefore.ShouldBeEmpty();
        var second = atTimeout.ShouldHaveSingleItem();
        second.MessageId.ShouldBe(first.MessageId);
        second.DequeueCount.ShouldBe(2);
    }

    [Fact]
    public async Task EnqueueAsync_InitialDelayOnTheClock_VisibleExactlyWhenDue()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 12, 9, 0, 0, TimeSpan.Zero));
        var queue = new LocalFolderWorkQueue(folder.Path, clock);
        await queue.EnqueueAsync(Name, BinaryData.FromString("reminder"), TimeSpan.FromDays(6));

        clock.Advance(TimeSpan.FromDays(6) - TimeSpan.FromSeconds(1));
        var early = await queue.ReceiveAsync(Name, 1, TimeSpan.FromMinutes(1));
        clock.Advance(TimeSpan.FromSeconds(1));

        early.ShouldBeEmpty();
        (await queue.ReceiveAsync(Name, 1, TimeSpan.FromMinutes(1))).ShouldHaveSingleItem().Body.ToString().ShouldBe("reminder");
    }

    [Fact]
    public async Task AllOperations_Succeeded_LeaveOneFilePerMessageAndNoTemporaryFile()
    {
        await Queue.EnqueueManyAsync(Name, Enumerable.Range(0, 4).Select(i => BinaryData.FromString($"m{i}")));
        var received = await Queue.ReceiveAsync(Name, 3, TimeSpan.FromMinutes(1));
        await Queue.CompleteAsync(received[0]);
        await Queue.DelayAsync(received[1], TimeSpan.FromMinutes(1));

        var files = Directory.GetFiles(Path.Combine(folder.Path, Name)).Select(Path.GetFileName).ToList();

        files.Count.ShouldBe(3);
        files.ShouldAllBe(file => file!.EndsWith(".msg", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ReceiveAsync_LeftoverFilesOfCrashedWrites_AreIgnored()
    {
        await Queue.EnqueueAsync(Name, BinaryData.FromString("committed"));
        var queueFolder = Path.Combine(folder.Path, Name);
        await File.WriteAllTextAsync(Path.Combine(queueFolder, $".{Guid.NewGuid():N}.tmp"), "half-writ");
        await File.WriteAllTextAsync(Path.Combine(queueFolder, $"{Guid.NewGuid():N}.1.1.{Guid.NewGuid():N}.msg.{Guid.NewGuid():N}.deleted"), "gone");

        var received = await Queue.ReceiveAsync(Name, 32, TimeSpan.FromMinutes(1));

        received.ShouldHaveSingleItem().Body.ToString().ShouldBe("committed");
        (await Queue.ApproximateCountAsync(Name)).ShouldBe(1);
    }

    [Fact]
    public async Task CompleteAsync_ForgedReceiptClimbingOutOfTheFolder_ThrowsArgumentExceptionAndDeletesNothing()
    {
        var bystander = Path.Combine(folder.Path, "bystander.msg");
        await File.WriteAllTextAsync(bystander, "keep me");
        await Queue.EnqueueAsync(Name, BinaryData.FromString("x"));
        var message = (await Queue.ReceiveAsync(Name, 1, TimeSpan.FromMinutes(1))).ShouldHaveSingleItem();

        await Should.ThrowAsync<ArgumentException>(() => Queue.CompleteAsync(message with { PopReceipt = "../../bystander" }));
        await Should.ThrowAsync<ArgumentException>(() => Queue.CompleteAsync(message with { MessageId = "../bystander" }));

        File.Exists(bystander).ShouldBeTrue();
        (await Queue.ApproximateCountAsync(Name)).ShouldBe(1);
    }

    /// <summary>A temporary folder per test class, deleted at the end.</summary>
    public sealed class TemporaryFolder : IDisposable
    {
        public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"bepbot-queues-{Guid.NewGuid():N}");

        public void Dispose()
        {
            if (Directory.Exists(Path))
            {
                Directory.Delete(Path, recursive: true);
            }
        }
    }
}
