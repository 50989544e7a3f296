using BepBot.Chat;
using BepBot.Platform.Delivery;
using BepBot.Tests.Harness;
using Microsoft.Extensions.DependencyInjection;
using static BepBot.Tests.Broadcasts.BroadcastSteps;

namespace BepBot.Tests.Broadcasts;

/// <summary>
/// A broadcast's next recipients wait while people wait for the bot to answer them (after an outage, or in a burst of
/// clicks): the turns go first, and the broadcast goes on as soon as none is left waiting.
/// </summary>
public sealed class BroadcastYieldTests() : ConnectedBotTest(
    [TeamsUser.Megan, TeamsUser.Isaiah, TeamsUser.Patti],
    settings: new Dictionary<string, string?> { ["Bot:MaxTurnsAtOnce"] = "1" })
{
    private const string Announcement = "Le séminaire de mars est ouvert aux inscriptions.";

    [Fact]
    public async Task Broadcast_ATurnWaitsForAPlace_NothingGoesOutUntilItIsLetIn()
    {
        var admission = Bot.Services.GetRequiredService<TurnAdmission>();
        var inside = await admission.EnterAsync(Bot.Clock.GetUtcNow(), CancellationToken.None);
        var waiting = admission.EnterAsync(Bot.Clock.GetUtcNow().AddSeconds(12), CancellationToken.None);
        // The delivery worker was polling an empty queue: its next round stops at the waiting turn.
        await Task.Delay(TimeSpan.FromSeconds(1));

        var broadcast = await Bot.Services.GetRequiredService<Broadcaster>().StartAsync(new BroadcastRequest(
            "Séminaire", Announcement, new Audience(AudienceKind.Members, Members: [TeamsUser.Megan.AadObjectId, TeamsUser.Isaiah.AadObjectId, TeamsUser.Patti.AadObjectId]),
            TeamsUser.Alex.AadObjectId, "Alex Wilber"));
        await Task.Delay(TimeSpan.FromSeconds(1));
        Connector.Delivered.ShouldNotContain(request => request.AllText.Contains(Announcement, StringComparison.Ordinal), "a turn still waits for its place");

        inside.Dispose();
        await WaitForStateAsync(Bot, broadcast.Id, BroadcastState.Completed);
        Connector.Delivered.Count(request => request.AllText.Contains(Announcement, StringComparison.Ordinal)).ShouldBe(3);
        (await waiting).Dispose();
    }
}
