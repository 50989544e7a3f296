using BepBot.Chat;
using BepBot.Infrastructure.Storage;
using BepBot.Platform.Delivery;
using BepBot.Tests.Harness;
using Microsoft.Extensions.DependencyInjection;
using static BepBot.Tests.Broadcasts.BroadcastSteps;

namespace BepBot.Tests.Broadcasts;

/// <summary>The one proactive sender: Teams' answer as a typed outcome, one pace for everything, a 429 pausing everyone.</summary>
public sealed class ProactiveSenderTests : IAsyncLifetime
{
    private const int PerSecond = 5;
    private readonly BotApplication _bot = new(settings: new Dictionary<string, string?> { ["Bot:ProactiveMessagesPerSecond"] = PerSecond.ToString(System.Globalization.CultureInfo.InvariantCulture) });
    private FakeTeamsConnector _connector = null!;
    private SavedConversation _megan = null!;

    public async Task InitializeAsync()
    {
        _connector = await FakeTeamsConnector.StartAsync();
        using var teams = _bot.CreateTeamsClient(_connector.ServiceUrl);
        foreach (var user in new[] { TeamsUser.Megan, TeamsUser.Adele, TeamsUser.Isaiah, TeamsUser.Patti, TeamsUser.Lynne })
        {
            await teams.InstallAsync(user);
        }

        _megan = (await _bot.Services.GetRequiredService<ConversationDirectory>().FindPersonalAsync(TeamsUser.Megan.AadObjectId))!;
    }

    public async Task DisposeAsync()
    {
        await _connector.DisposeAsync();
        await _bot.DisposeAsync();
    }

    private ProactiveSender Sender => _bot.Services.GetRequiredService<ProactiveSender>();

    [Theory]
    [InlineData(403, typeof(ProactiveOutcome.Gone))]
    [InlineData(404, typeof(ProactiveOutcome.Gone))]
    [InlineData(429, typeof(ProactiveOutcome.RetryAfter))]
    [InlineData(500, typeof(ProactiveOutcome.RetryAfter))]
    [InlineData(502, typeof(ProactiveOutcome.RetryAfter))]
    [InlineData(400, typeof(ProactiveOutcome.Failed))]
    public async Task Send_ConnectorError_TypedOutcomeAndTriedOnce(int status, Type expected)
    {
        _connector.ForcedStatus = status;
        _connector.RetryAfterSeconds = 7;

        var outcome = await Sender.SendAsync(_megan, new OutgoingMessage("Bonjour"));

        outcome.ShouldBeOfType(expected);
        outcome.ShouldBe(status switch
        {
            403 or 404 => new ProactiveOutcome.Gone(status),
            429 => new ProactiveOutcome.RetryAfter(TimeSpan.FromSeconds(7), 429),
            400 => new ProactiveOutcome.Failed(400),
            _ => new ProactiveOutcome.RetryAfter(null, status),
        });
        _connector.Requests.Count.ShouldBe(1);
    }

    [Fact]
    public async Task Send_Accepted_SentWithTheActivityId()
    {
        var outcome = await Sender.SendAsync(_megan, new OutgoingMessage("Bonjour"));

        outcome.ShouldBeOfType<ProactiveOutcome.Sent>().ActivityId.ShouldStartWith("activity-");
    }

    [Fact]
    public async Task Update_SentMessage_PutsToSameActivity()
    {
        var id = (await Sender.SendAsync(_megan, new OutgoingMessage("Envoi en cours"))).ShouldBeOfType<ProactiveOutcome.Sent>().ActivityId;

        (await Sender.UpdateAsync(_megan, id!, new OutgoingMessage("Envoi terminé"))).ShouldBeOfType<ProactiveOutcome.Sent>();

        var update = _connector.Requests[^1];
        update.Method.ShouldBe("PUT");
        update.Path.ShouldEndWith("/activities/" + id);
        ((string?)update.Activity["text"]).ShouldBe("Envoi terminé");
    }

    [Fact]
    public async Task Send_Throttled_EveryCallerWaitsOutTheRetryAfter()
    {
        _connector.RetryAfterSeconds = 2;
        _connector.Script(_megan.ConversationId, 429);
        var patti = (await _bot.Services.GetRequiredService<ConversationDirectory>().FindPersonalAsync(TeamsUser.Patti.AadObjectId))!;

        (await Sender.SendAsync(_megan, new OutgoingMessage("un"))).ShouldBeOfType<ProactiveOutcome.RetryAfter>();
        (await Sender.SendAsync(patti, new OutgoingMessage("deux"))).ShouldBeOfType<ProactiveOutcome.Sent>();

        var (throttled, next) = (_connector.Requests[0], _connector.Requests[1]);
        throttled.Status.ShouldBe(429);
        (next.At - throttled.At).ShouldBeGreaterThanOrEqualTo(TimeSpan.FromSeconds(1.9));
        (await _bot.Store.GetAsync<ThrottleState>("throttle/teams")).ShouldNotBeNull();
    }

    [Fact]
    public async Task BroadcastAndNotices_AtOnce_ShareOnePace()
    {
        // A broadcast's deliveries and one-person notices (as labs send) running together: one pacer spaces them all,
        // so 8 calls at 5 a second take at least 7 spacings. Two pacers would let each stream go at 5 a second.
        var people = new[] { TeamsUser.Adele, TeamsUser.Isaiah, TeamsUser.Patti, TeamsUser.Lynne };
        var conversations = _bot.Services.GetRequiredService<ConversationDirectory>();
        var started = DateTimeOffset.UtcNow;

        var broadcast = _bot.Services.GetRequiredService<Broadcaster>().StartAsync(new BroadcastRequest(
            "Annonce", "Une annonce.", new Audience(AudienceKind.Members, Members: [.. people.Select(person => person.AadObjectId)]), "bot", "BepBot", Id: "onepace"));
        var notices = people.Select(async person =>
            (await Sender.SendAsync((await conversations.FindPersonalAsync(person.AadObjectId))!, new OutgoingMessage("Une place s'est libérée"))).ShouldBeOfType<ProactiveOutcome.Sent>());
        await Task.WhenAll([broadcast, .. notices]);
        await WaitForStateAsync(_bot, "onepace", BroadcastState.Completed);

        var proactive = _connector.Delivered.Where(request => request.At >= started).OrderBy(request => request.At).ToList();
        proactive.Count.ShouldBe(8);
        (proactive[^1].At - started).ShouldBeGreaterThanOrEqualTo(TimeSpan.FromSeconds(7.0 / PerSecond) - TimeSpan.FromMilliseconds(50));
    }
}
