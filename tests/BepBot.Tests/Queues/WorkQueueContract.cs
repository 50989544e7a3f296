using System.Collections.Concurrent;
using BepBot.Chat;
using BepBot.Infrastructure.Queues;
using BepBot.Infrastructure.Storage;
using BepBot.Platform.Delivery;
using BepBot.Tests.Harness;

namespace BepBot.Tests.Queues;

/// <summary>
/// What every <see cref="IWorkQueue"/> must do, run once per implementation. Each test uses its own queue, so
/// tests of one class can share a fixture. Visibility is real time here (the Azure service has no other clock),
/// kept to the service's one-second minimum.
/// </summary>
public abstract class WorkQueueContract
{
    private static readonly TimeSpan Short = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Long = TimeSpan.FromMinutes(5);

    protected abstract IWorkQueue Queue { get; }

    protected string Name { get; } = $"t-{Guid.NewGuid():N}";

    /// <summary>Another instance on the same storage: a second bot instance, or the same one after a restart.</summary>
    protected abstract IWorkQueue OpenAnother();

    public static TheoryData<string> InvalidNames { get; } = ["", "ab", "a_b", "a--b", "-ab", "ab-", "a b", "../x", new string('q', 64)];

    [Fact]
    public async Task ReceiveAsync_EnqueuedMessage_ReturnsBodyWithDequeueCountOne()
    {
        await Queue.EnqueueAsync(Name, BinaryData.FromString("""{"recipient":"namur"}"""));

        var received = await Queue.ReceiveAsync(Name, 10, Long);

        var message = received.ShouldHaveSingleItem();
        message.QueueName.ShouldBe(Name);
        message.Body.ToString().ShouldBe("""{"recipient":"namur"}""");
        message.DequeueCount.ShouldBe(1);
        message.MessageId.ShouldNotBeNullOrWhiteSpace();
        message.PopReceipt.ShouldNotBeNullOrWhiteSpace();
    }

    [Fact]
    public async Task ReceiveAsync_EmptyQueue_ReturnsNothing()
    {
        (await Queue.ReceiveAsync(Name, 32, Long)).ShouldBeEmpty();
    }

    [Fact]
    public async Task CompleteAsync_ReceivedMessage_DeletesItForGood()
    {
        await Queue.EnqueueAsync(Name, BinaryData.FromString("once"));
        var message = (await Queue.ReceiveAsync(Name, 1, Short)).ShouldHaveSingleItem();

        await Queue.CompleteAsync(message);
        await Task.Delay(Short * 1.5);

        (await Queue.ReceiveAsync(Name, 32, Long)).ShouldBeEmpty();
        (await Queue.ApproximateCountAsync(Name)).ShouldBe(0);
    }

    [Fact]
    public async Task ReceiveAsync_MessageAlreadyReceived_HiddenUntilTimeoutThenBackWithDequeueCountTwo()
    {
        await Queue.EnqueueAsync(Name, BinaryData.FromString("retry me"));
        var first = (await Queue.ReceiveAsync(Name, 1, Short)).ShouldHaveSingleItem();

        var meanwhile = await Queue.ReceiveAsync(Name, 32, Long);
        var second = await ReceiveOneWhenVisibleAsync(Long);

        meanwhile.ShouldBeEmpty();
        second.MessageId.ShouldBe(first.MessageId);
        second.PopReceipt.ShouldNotBe(first.PopReceipt);
        second.DequeueCount.ShouldBe(2);
        second.Body.ToString().ShouldBe("retry me");
    }

    [Fact]
    public async Task CompleteAsync_StaleReceiptAfterMessageReceivedAgain_ThrowsQueueMessageLost()
    {
        await Queue.EnqueueAsync(Name, BinaryData.FromString("slow worker"));
        var stale = (await Queue.ReceiveAsync(Name, 1, Short)).ShouldHaveSingleItem();
        var current = await ReceiveOneWhenVisibleAsync(Long);

        var lost = await Should.ThrowAsync<QueueMessageLostException>(() => Queue.CompleteAsync(stale));

        lost.MessageId.ShouldBe(stale.MessageId);
        lost.QueueName.ShouldBe(Name);
        await Queue.CompleteAsync(current);
        (await Queue.ApproximateCountAsync(Name)).ShouldBe(0);
    }

    [Fact]
    public async Task CompleteAsync_AlreadyCompleted_ThrowsQueueMessageLost()
    {
        await Queue.EnqueueAsync(Name, BinaryData.FromString("done"));
        var message = (await Queue.ReceiveAsync(Name, 1, Long)).ShouldHaveSingleItem();
        await Queue.CompleteAsync(message);

        await Should.ThrowAsync<QueueMessageLostException>(() => Queue.CompleteAsync(message));
    }

    [Fact]
    public async Task CompleteAsync_ReceiptExpiredButMessageNotReceivedAgain_StillCompletes()
    {
        await Queue.EnqueueAsync(Name, BinaryData.FromString("late but unchallenged"));
        var message = (await Queue.ReceiveAsync(Name, 1, Short)).ShouldHaveSingleItem();
        await Task.Delay(Short * 2);

        await Queue.CompleteAsync(message);

        (await Queue.ApproximateCountAsync(Name)).ShouldBe(0);
    }

    [Fact]
    public async Task DelayAsync_ReceivedMessage_HiddenForDelayThenBackWithNextDequeueCount()
    {
        await Queue.EnqueueAsync(Name, BinaryData.FromString("throttled"));
        var received = (await Queue.ReceiveAsync(Name, 1, Long)).ShouldHaveSingleItem();

        var delayed = await Queue.DelayAsync(received, Short);
        var meanwhile = await Queue.ReceiveAsync(Name, 32, Long);
        var again = await ReceiveOneWhenVisibleAsync(Long);

        delayed.MessageId.ShouldBe(received.MessageId);
        delayed.PopReceipt.ShouldNotBe(received.PopReceipt);
        delayed.Body.ToString().ShouldBe("throttled");
        meanwhile.ShouldBeEmpty();
        again.MessageId.ShouldBe(received.MessageId);
        again.DequeueCount.ShouldBe(2);
        again.Body.ToString().ShouldBe("throttled");
    }

    [Fact]
    public async Task DelayAsync_NewReceipt_CompletesAndOldReceiptIsLost()
    {
        await Queue.EnqueueAsync(Name, BinaryData.FromString("throttled"));
        var received = (await Queue.ReceiveAsync(Name, 1, Long)).ShouldHaveSingleItem();
        var delayed = await Queue.DelayAsync(received, Long);

        await Should.ThrowAsync<QueueMessageLostException>(() => Queue.CompleteAsync(received));
        await Should.ThrowAsync<QueueMessageLostException>(() => Queue.DelayAsync(received, Short));
        await Queue.CompleteAsync(delayed);

        (await Queue.ApproximateCountAsync(Name)).ShouldBe(0);
    }

    [Fact]
    public async Task DelayAsync_Zero_VisibleAtOnce()
    {
        await Queue.EnqueueAsync(Name, BinaryData.FromString("now"));
        var received = (await Queue.ReceiveAsync(Name, 1, Long)).ShouldHaveSingleItem();

        await Queue.DelayAsync(received, TimeSpan.Zero);

        (await Queue.ReceiveAsync(Name, 1, Long)).ShouldHaveSingleItem().DequeueCount.ShouldBe(2);
    }

    [Fact]
    public async Task EnqueueAsync_InitialDelay_HiddenUntilDelayPassed()
    {
        await Queue.EnqueueAsync(Name, BinaryData.FromString("later"), initialDelay: Short);

        var meanwhile = await Queue.ReceiveAsync(Name, 32, Long);
        var later = await ReceiveOneWhenVisibleAsync(Long);

        meanwhile.ShouldBeEmpty();
        later.Body.ToString().ShouldBe("later");
        later.DequeueCount.ShouldBe(1);
    }

    [Fact]
    public async Task ReceiveAsync_MoreMessagesThanAsked_ReturnsAtMostMaxMessages()
    {
        await Queue.EnqueueManyAsync(Name, Enumerable.Range(1, 5).Select(i => BinaryData.FromString($"m{i}")));

        var first = await Queue.ReceiveAsync(Name, 3, Long);
        var rest = await Queue.ReceiveAsync(Name, 32, Long);

        first.Count.ShouldBe(3);
        rest.Count.ShouldBe(2);
        first.Concat(rest).Select(message => message.Body.ToString()).Order().ShouldBe(["m1", "m2", "m3", "m4", "m5"]);
    }

    [Fact]
    public async Task ApproximateCountAsync_CountsHiddenMessagesUntilCompleted()
    {
        await Queue.EnqueueManyAsync(Name, Enumerable.Range(1, 5).Select(i => BinaryData.FromString($"m{i}")));
        var countAfterEnqueue = await Queue.ApproximateCountAsync(Name);
        var received = await Queue.ReceiveAsync(Name, 2, Long);
        var countWhileHidden = await Queue.ApproximateCountAsync(Name);

        foreach (var message in received)
        {
            await Queue.CompleteAsync(message);
        }

        countAfterEnqueue.ShouldBe(5);
        countWhileHidden.ShouldBe(5);
        (await Queue.ApproximateCountAsync(Name)).ShouldBe(3);
    }

    [Fact]
    public async Task ApproximateCountAsync_UnknownQueue_IsZero()
    {
        (await Queue.ApproximateCountAsync(Name)).ShouldBe(0);
    }

    [Fact]
    public async Task ReceiveAsync_FourConcurrentConsumersOnTwoInstances_DeliverEachOfTwoHundredExactlyOnce()
    {
        const int Count = 200;
        await Queue.EnqueueManyAsync(Name, Enumerable.Range(0, Count).Select(i => BinaryData.FromString($"recipient-{i:000}")));
        var instances = new[] { Queue, OpenAnother() };
        var deliveries = new ConcurrentBag<string>();
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(90));

        await Task.WhenAll(Enumerable.Range(0, 4).Select(consumer => Task.Run(async () =>
        {
            var queue = instances[consumer % 2];
            while (deliveries.Count < Count && !deadline.IsCancellationRequested)
            {
                var batch = await queue.ReceiveAsync(Name, 16, TimeSpan.FromMinutes(2));
                foreach (var message in batch)
                {
                    deliveries.Add(message.Body.ToString());
                    await queue.CompleteAsync(message);
                }

                if (batch.Count == 0)
                {
                    await Task.Delay(20);
                }
            }
        })));

        deliveries.Count.ShouldBe(Count);
        deliveries.Distinct().Count().ShouldBe(Count);
        (await Queue.ApproximateCountAsync(Name)).ShouldBe(0);
    }

    [Fact]
    public async Task AnotherInstance_SameStorage_SeesEnqueuedMessagesAndCompletesReceivedOnes()
    {
        await Queue.EnqueueManyAsync(Name, [BinaryData.FromString("a"), BinaryData.FromString("b"), BinaryData.FromString("c")]);
        var heldByFirst = (await Queue.ReceiveAsync(Name, 1, Long)).ShouldHaveSingleItem();

        var another = OpenAnother();
        var seen = await another.ReceiveAsync(Name, 32, Long);
        await another.CompleteAsync(heldByFirst);
        foreach (var message in seen)
        {
            await another.CompleteAsync(message);
        }

        seen.Count.ShouldBe(2);
        seen.Select(message => message.Body.ToString()).Append(heldByFirst.Body.ToString()).Order().ShouldBe(["a", "b", "c"]);
        (await Queue.ApproximateCountAsync(Name)).ShouldBe(0);
    }

    [Fact]
    public async Task ReceiveAsync_BinaryBodyOfMaximumSize_RoundTripsByteForByte()
    {
        var bytes = new byte[WorkQueueLimits.MaxBodyBytes];
        for (var i = 0; i < bytes.Length; i++)
        {
            bytes[i] = (byte)(i * 31);
        }

        await Queue.EnqueueAsync(Name, BinaryData.FromBytes(bytes));

        (await Queue.ReceiveAsync(Name, 1, Long)).ShouldHaveSingleItem().Body.ToArray().ShouldBe(bytes);
    }

    [Theory]
    [InlineData(RealTeamsIds.SampleUserLength, RealTeamsIds.SampleConversationLength)]
    [InlineData(1000, 1000)]
    public async Task ReceiveAsync_DeliveriesToRealShapedAndLongIds_ComeBackAsSent(int userIdLength, int conversationLength)
    {
        var megan = RealTeamsIds.As(TeamsUser.Megan, userIdLength, conversationLength);
        var channel = RealTeamsIds.Channel("bep-general", conversationLength);
        DeliveryWork[] work =
        [
            new("b1", "user:" + megan.AadObjectId, new SavedConversation(
                megan.PersonalConversationId!, ConversationKind.Personal, TeamsClient.Tenant, "https://smba.trafficmanager.net/emea/", "msteams", TeamsClient.BotId, "BepBot",
                megan.Id, megan.AadObjectId, null, "fr-BE", DateTimeOffset.UnixEpoch)),
            new("b1", "channel:" + channel, new SavedConversation(
                channel, ConversationKind.Channel, TeamsClient.Tenant, "https://smba.trafficmanager.net/emea/", "msteams", TeamsClient.BotId, "BepBot",
                null, null, RealTeamsIds.Channel("bep-team", conversationLength), "fr-BE", DateTimeOffset.UnixEpoch, "Général")),
        ];

        await Queue.EnqueueManyAsync(Name, work.Select(DocumentStoreJson.Serialize));

        var received = await Queue.ReceiveAsync(Name, 32, Long);
        received.Select(message => message.Body.ToObjectFromJson<DeliveryWork>(DocumentStoreJson.Options)).ShouldBe(work, ignoreOrder: true);
    }

    [Fact]
    public async Task EnqueueAsync_BodyOverLimit_ThrowsArgumentExceptionAndEnqueuesNothing()
    {
        var tooLarge = BinaryData.FromBytes(new byte[WorkQueueLimits.MaxBodyBytes + 1]);

        await Should.ThrowAsync<ArgumentException>(() => Queue.EnqueueAsync(Name, tooLarge));
        await Should.ThrowAsync<ArgumentException>(() => Queue.EnqueueManyAsync(Name, [BinaryData.FromString("ok"), tooLarge]));

        (await Queue.ApproximateCountAsync(Name)).ShouldBe(0);
    }

    [Fact]
    public async Task AnyOperation_UpperCaseName_UsesTheLowerCaseQueue()
    {
        await Queue.EnqueueAsync(Name.ToUpperInvariant(), BinaryData.FromString("x"));

        var message = (await Queue.ReceiveAsync(Name, 1, Long)).ShouldHaveSingleItem();

        message.QueueName.ShouldBe(Name);
        (await Queue.ApproximateCountAsync(Name.ToUpperInvariant())).ShouldBe(1);
    }

    [Theory]
    [MemberData(nameof(InvalidNames))]
    public async Task AnyOperation_InvalidQueueName_ThrowsArgumentException(string name)
    {
        await Should.ThrowAsync<ArgumentException>(() => Queue.EnqueueAsync(name, BinaryData.FromString("x")));
        await Should.ThrowAsync<ArgumentException>(() => Queue.ReceiveAsync(name, 1, Long));
        await Should.ThrowAsync<ArgumentException>(() => Queue.ApproximateCountAsync(name));
    }

    [Theory]
    [InlineData(0, 30)]
    [InlineData(33, 30)]
    [InlineData(1, 0)]
    [InlineData(1, 8 * 24 * 3600)]
    public async Task ReceiveAsync_OutOfServiceLimits_ThrowsArgumentOutOfRange(int maxMessages, int visibilitySeconds)
    {
        await Should.ThrowAsync<ArgumentOutOfRangeException>(() => Queue.ReceiveAsync(Name, maxMessages, TimeSpan.FromSeconds(visibilitySeconds)));
    }

    [Fact]
    public async Task DelayAsync_MoreThanSevenDays_ThrowsArgumentOutOfRange()
    {
        await Queue.EnqueueAsync(Name, BinaryData.FromString("x"));
        var message = (await Queue.ReceiveAsync(Name, 1, Long)).ShouldHaveSingleItem();

        await Should.ThrowAsync<ArgumentOutOfRangeException>(() => Queue.DelayAsync(message, TimeSpan.FromDays(8)));
        await Should.ThrowAsync<ArgumentOutOfRangeException>(() => Queue.EnqueueAsync(Name, BinaryData.FromString("y"), TimeSpan.FromDays(8)));
    }

    /// <summary>Polls until one message is visible (the services count visibility in whole seconds).</summary>
    private async Task<QueuedMessage> ReceiveOneWhenVisibleAsync(TimeSpan visibilityTimeout)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (DateTime.UtcNow < deadline)
        {
            var received = await Queue.ReceiveAsync(Name, 32, visibilityTimeout);
            if (received.Count > 0)
            {
                return received.ShouldHaveSingleItem();
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("No message became visible again within 15 s.");
    }
}
