using System.Globalization;
using System.Text.Json.Nodes;
using BepBot.Chat;
using BepBot.Platform.Delivery;
using BepBot.Tests.Harness;
using Microsoft.Extensions.DependencyInjection;
using static BepBot.Tests.Broadcasts.BroadcastSteps;

namespace BepBot.Tests.Broadcasts;

/// <summary>Features (votes, invitations, reminders) send their own per-recipient cards through the same engine.</summary>
public sealed class BroadcasterTests() : ConnectedBotTest([TeamsUser.Megan, TeamsUser.Isaiah, TeamsUser.Patti])
{
    public override Task InitializeAsync()
    {
        Bot.WithServices(services => services.AddBroadcastContent<GreetingCard>());
        return base.InitializeAsync();
    }

    [Fact]
    public async Task StartAsync_MembersAudienceWithContent_EachMemberGetsTheirOwnCard()
    {
        var broadcaster = Bot.Services.GetRequiredService<Broadcaster>();

        var broadcast = await broadcaster.StartAsync(new BroadcastRequest(
            "Vote ouvert", "Un vote vous attend.", new Audience(AudienceKind.Members, Members: [TeamsUser.Megan.AadObjectId, TeamsUser.Isaiah.AadObjectId]),
            "bot", "BepBot", new BroadcastContent(GreetingCard.ContentKind, "ballot42"), Id: "ballot42open"));
        await WaitForStateAsync(Bot, broadcast.Id, BroadcastState.Completed);

        var cards = Connector.Delivered.Where(request => request.Activity["attachments"] is not null).ToList();
        cards.Count.ShouldBe(2);
        cards.Select(request => request.AllText.Trim()).ShouldBe(
            [$"ballot42 pour user:{TeamsUser.Megan.AadObjectId}", $"ballot42 pour user:{TeamsUser.Isaiah.AadObjectId}"], ignoreOrder: true);
    }

    [Fact]
    public async Task StartAsync_SameIdTwice_SendsOnce()
    {
        var broadcaster = Bot.Services.GetRequiredService<Broadcaster>();
        var request = new BroadcastRequest(
            "Rappel", "Rappel", new Audience(AudienceKind.Members, Members: [TeamsUser.Patti.AadObjectId]),
            "bot", "BepBot", new BroadcastContent(GreetingCard.ContentKind, "lab7"), Id: "lab7reminder");

        var first = await broadcaster.StartAsync(request);
        var second = await broadcaster.StartAsync(request);
        await WaitForStateAsync(Bot, first.Id, BroadcastState.Completed);

        second.Id.ShouldBe(first.Id);
        Connector.Delivered.Count(delivered => delivered.Activity["attachments"] is not null).ShouldBe(1);
    }

    [Fact]
    public async Task StartAsync_ContentWithdrawn_RecipientMarkedNotSent()
    {
        var broadcaster = Bot.Services.GetRequiredService<Broadcaster>();

        var broadcast = await broadcaster.StartAsync(new BroadcastRequest(
            "Vote clos", "…", new Audience(AudienceKind.Members, Members: [TeamsUser.Megan.AadObjectId]),
            "bot", "BepBot", new BroadcastContent(GreetingCard.ContentKind, GreetingCard.Withdrawn)));
        await WaitForStateAsync(Bot, broadcast.Id, BroadcastState.Completed);

        Connector.Delivered.Where(request => request.Activity["attachments"] is not null).ShouldBeEmpty();
        ReasonOf(Bot, (await DeliveriesAsync(Bot, broadcast.Id)).Values.Single()).ShouldStartWith("Plus d'objet");
    }

    [Fact]
    public async Task StartAsync_IdWithPunctuation_IsRejected()
    {
        var broadcaster = Bot.Services.GetRequiredService<Broadcaster>();

        await Should.ThrowAsync<ArgumentException>(() => broadcaster.StartAsync(new BroadcastRequest(
            "x", "x", new Audience(AudienceKind.AllBourgmestres), "bot", "BepBot", Id: "../x")));
    }

    private sealed class GreetingCard : IBroadcastContent
    {
        public const string ContentKind = "tests.greeting";

        public const string Withdrawn = "withdrawn";

        public string Kind => ContentKind;

        public Task<OutgoingMessage?> RenderAsync(string reference, string recipientKey, CultureInfo culture, CancellationToken cancellationToken) =>
            Task.FromResult(reference == Withdrawn
                ? null
                : new OutgoingMessage($"{reference} pour {recipientKey}", new JsonObject { ["type"] = "AdaptiveCard", ["version"] = "1.5", ["body"] = new JsonArray() }));
    }
}
