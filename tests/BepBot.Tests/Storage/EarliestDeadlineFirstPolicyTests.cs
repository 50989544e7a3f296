using System.Net;
using Azure.Core;
using Azure.Core.Pipeline;
using BepBot.Infrastructure.Storage;

namespace BepBot.Tests.Storage;

/// <summary>
/// How a storage client shares its connections: while people wait for an answer (turns' calls under way), work that
/// answers nobody now (deliveries, jobs) starts only a few calls at a time; with no turn under way it takes them all.
/// Through a real Azure pipeline to a service that holds every request until told to answer.
/// </summary>
public sealed class EarliestDeadlineFirstPolicyTests
{
    private const int Connections = 16;
    private const int BackgroundShare = 2;

    [Fact]
    public async Task BackgroundCalls_ATurnCallUnderWay_OnlyTheirShareReachesTheService()
    {
        var service = new HeldService();
        var pipeline = PipelineTo(service);
        var turnCall = TurnCalls(pipeline, 1).Single();
        await service.WaitForArrivalsAsync(1);

        var backgroundCalls = Enumerable.Range(0, 6).Select(_ => SendAsync(pipeline)).ToList();
        await service.WaitForArrivalsAsync(1 + BackgroundShare);
        await Task.Delay(TimeSpan.FromMilliseconds(300));
        service.Arrivals.ShouldBe(1 + BackgroundShare, "the turn's call and the background share, the other four wait");

        service.AnswerAll();
        await Task.WhenAll([turnCall, .. backgroundCalls]);
        service.Arrivals.ShouldBe(7, "every background call went through once the turn's was answered");
    }

    [Fact]
    public async Task BackgroundCalls_NoTurnCallUnderWay_TakeEveryConnection()
    {
        var service = new HeldService();
        var pipeline = PipelineTo(service);

        var backgroundCalls = Enumerable.Range(0, 6).Select(_ => SendAsync(pipeline)).ToList();
        await service.WaitForArrivalsAsync(6);

        service.Arrivals.ShouldBe(6);
        service.AnswerAll();
        await Task.WhenAll(backgroundCalls);
    }

    [Fact]
    public async Task TurnCalls_BackgroundShareTaken_StillGoAtOnce()
    {
        var service = new HeldService();
        var pipeline = PipelineTo(service);
        var firstTurnCall = TurnCalls(pipeline, 1).Single();
        await service.WaitForArrivalsAsync(1);
        var backgroundCalls = Enumerable.Range(0, 4).Select(_ => SendAsync(pipeline)).ToList();
        await service.WaitForArrivalsAsync(1 + BackgroundShare);

        var laterTurnCalls = TurnCalls(pipeline, 5);

        await service.WaitForArrivalsAsync(1 + BackgroundShare + 5);
        service.AnswerAll();
        await Task.WhenAll([firstTurnCall, .. backgroundCalls, .. laterTurnCalls]);
    }

    // Calls made during a turn: they carry its deadline.
    private static List<Task> TurnCalls(HttpPipeline pipeline, int count)
    {
        using (TurnDeadline.Begin(DateTimeOffset.UtcNow.AddSeconds(12)))
        {
            return [.. Enumerable.Range(0, count).Select(_ => SendAsync(pipeline))];
        }
    }

    private static HttpPipeline PipelineTo(HeldService service)
    {
        var options = new StorageClientOptions { Transport = new HttpClientTransport(new HttpClient(service)) };
        options.Retry.MaxRetries = 0;
        return HttpPipelineBuilder.Build(
            options,
            perCallPolicies: [],
            perRetryPolicies: [new EarliestDeadlineFirstPolicy(Connections, BackgroundShare, TimeSpan.FromSeconds(12), TimeProvider.System)],
            new ResponseClassifier());
    }

    private static async Task SendAsync(HttpPipeline pipeline)
    {
        using var message = pipeline.CreateMessage();
        message.Request.Method = RequestMethod.Get;
        message.Request.Uri.Reset(new Uri("http://127.0.0.1:10000/devstoreaccount1/bepbot/document"));
        await pipeline.SendAsync(message, CancellationToken.None);
        message.Response.Status.ShouldBe(200);
    }

    private sealed class StorageClientOptions : ClientOptions;

    /// <summary>A storage service that counts the requests reaching it and answers none until <see cref="AnswerAll"/>.</summary>
    private sealed class HeldService : HttpMessageHandler
    {
        private readonly TaskCompletionSource _answer = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _arrivals;

        public int Arrivals => Volatile.Read(ref _arrivals);

        public void AnswerAll() => _answer.TrySetResult();

        public async Task WaitForArrivalsAsync(int count)
        {
            var giveUpAt = DateTime.UtcNow.AddSeconds(10);
            while (Arrivals < count)
            {
                if (DateTime.UtcNow > giveUpAt)
                {
                    throw new ShouldAssertException($"{Arrivals} requests reached the service, expected {count}.");
                }

                await Task.Delay(10);
            }
        }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _arrivals);
            await _answer.Task.WaitAsync(cancellationToken);
            return new HttpResponseMessage(HttpStatusCode.OK);
        }
    }
}
