using System.Net;
using System.Text.Json.Nodes;
using BepBot.Chat;
using BepBot.Tests.Harness;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Logging;

namespace BepBot.Tests.Bot;

/// <summary>Activities as Teams and Microsoft's documentation really shape them, and the malformed ones an attacker sends.</summary>
public sealed class ActivityShapeTests() : BotConversationTest(services: services => services.AddFakeLogging())
{
    private const string ChannelId = "19:4a1f0c2e77d94b2c9f3e5d6a7b8c9d0e@thread.skype";
    private const string TeamId = "19:9e8d7c6b5a4f43e2b1c0d9e8f7a6b5c4@thread.skype";

    private FakeLogCollector Logs => Bot.Services.GetFakeLogCollector();

    [Theory]
    [InlineData("membersAdded")]
    [InlineData("membersRemoved")]
    public async Task ConversationUpdate_NullOrIdlessMembers_Returns400AndNothingStoredOrFailed(string field)
    {
        var activity = Client.Activity(TeamsUser.Megan, "conversationUpdate", ConversationType.Personal, null, a =>
            a[field] = new JsonArray(null, new JsonObject(), new JsonObject { ["id"] = TeamsClient.BotId }));

        var response = await Client.PostAsync(activity);

        response.Status.ShouldBe(HttpStatusCode.BadRequest);
        response.RawBody.ShouldContain($"{field} holds a member without an id");
        (await Bot.KeysAsync("conversations/")).ShouldBeEmpty();
        Logs.GetSnapshot().ShouldNotContain(record => record.Level >= LogLevel.Error);
    }

    [Fact]
    public async Task ConversationUpdate_ChannelDataTheSdkCannotRead_InstallIsStillRecorded()
    {
        var activity = Client.Activity(TeamsUser.Alex, "conversationUpdate", ConversationType.Channel, null, a =>
        {
            a["membersAdded"] = new JsonArray(new JsonObject { ["id"] = TeamsClient.BotId, ["name"] = "BepBot" });
            a["channelData"]!["onBehalfOf"] = "[]";
        });

        var response = await Client.PostAsync(activity);

        response.Status.ShouldBe(HttpStatusCode.OK);
        CardReader.AllText(response.Card).ShouldContain("membre du personnel du BEP");
        var saved = await Bot.Services.GetRequiredService<ConversationDirectory>().FindSharedAsync(TeamsClient.ConversationIdFor(TeamsUser.Alex, ConversationType.Channel));
        saved.ShouldNotBeNull();
        saved.Kind.ShouldBe(ConversationKind.Channel);
        saved.TeamId.ShouldBe("19:team-bep@thread.tacv2");
        Logs.GetSnapshot().ShouldNotContain(record => record.Level >= LogLevel.Error);
    }

    [Theory]
    [InlineData("messageUpdate", "editMessage")]
    [InlineData("messageDelete", "softDeleteMessage")]
    public async Task EditedOrDeletedMessage_ChannelDataTheSdkCannotRead_IgnoredWithoutFailure(string type, string eventType)
    {
        var activity = Client.Activity(TeamsUser.Megan, type, ConversationType.Channel, null, a =>
        {
            a["channelData"]!["eventType"] = eventType;
            a["channelData"]!["onBehalfOf"] = "[]";
        });

        var response = await Client.PostAsync(activity);

        response.Status.ShouldBe(HttpStatusCode.OK);
        Logs.GetSnapshot().ShouldNotContain(record => record.Level >= LogLevel.Error);
    }

    [Fact]
    public async Task ChannelMessage_MalformedMentionEntity_StillAnswered()
    {
        var activity = Client.Activity(TeamsUser.Megan, "message", ConversationType.Channel, null, a =>
        {
            a["text"] = "qui suis-je";
            a["entities"] = new JsonArray(new JsonObject { ["type"] = "mention", ["mentioned"] = "BepBot", ["text"] = 42 }, null);
        });

        var response = await Client.PostAsync(activity);

        response.Texts.Single().ShouldContain("bourgmestre de Namur");
        Logs.GetSnapshot().ShouldNotContain(record => record.Level >= LogLevel.Error);
    }

    /// <summary>
    /// Shaped after the « full inbound schema example (bot in a channel) » of Microsoft's Teams documentation: no
    /// conversationType, no conversation.tenantId, no aadObjectId, the tenant only in channelData, and onBehalfOf as the
    /// string "[]" where the SDK's TeamsChannelData expects a list.
    /// </summary>
    [Fact]
    public async Task ChannelMessage_AsMicrosoftDocumentsIt_IsAnsweredAndRememberedAsAChannel()
    {
        var tenant = "5b0e3c1d-8f2a-4e6b-9c7d-1a2b3c4d5e6f";
        await using var bot = new BotApplication(settings: new Dictionary<string, string?> { ["Bot:AllowedTenants:0"] = tenant }).WithServices(services => services.AddFakeLogging());
        using var teams = bot.CreateTeamsClient();
        var activity = new JsonObject
        {
            ["type"] = "message",
            ["id"] = "1485983408511",
            ["timestamp"] = DateTimeOffset.UtcNow.ToString("O"),
            ["serviceUrl"] = "http://127.0.0.1:9/",
            ["channelId"] = "msteams",
            ["from"] = new JsonObject { ["id"] = "29:1XJKJMvc5GBtc2JwZq0oj8tHZmzrQgFmB39ATiQWA85g", ["name"] = "Richard Moe" },
            ["conversation"] = new JsonObject { ["id"] = ChannelId + ";messageid=1485983194839" },
            ["recipient"] = new JsonObject { ["id"] = TeamsClient.BotId, ["name"] = "BepBot" },
            ["textFormat"] = "plain",
            ["text"] = "<at>BepBot</at> qui suis-je",
            ["entities"] = new JsonArray(
                new JsonObject { ["type"] = "mention", ["mentioned"] = new JsonObject { ["id"] = TeamsClient.BotId, ["name"] = "BepBot" }, ["text"] = "<at>BepBot</at>" },
                new JsonObject { ["type"] = "clientInfo", ["locale"] = "fr-BE", ["country"] = "BE", ["platform"] = "Windows" }),
            ["channelData"] = new JsonObject
            {
                ["teamsChannelId"] = ChannelId,
                ["teamsTeamId"] = TeamId,
                ["channel"] = new JsonObject { ["id"] = ChannelId },
                ["team"] = new JsonObject { ["id"] = TeamId },
                ["onBehalfOf"] = "[]",
                ["tenant"] = new JsonObject { ["id"] = tenant },
            },
            ["deliveryMode"] = "expectReplies",
        };

        var response = await teams.PostAsync(activity);

        response.Status.ShouldBe(HttpStatusCode.OK);
        response.Texts.Single().ShouldContain("Richard Moe, vous n'êtes pas dans l'annuaire du BEP");
        var saved = await bot.Services.GetRequiredService<ConversationDirectory>().FindSharedAsync(ChannelId + ";messageid=1485983194839");
        saved.ShouldNotBeNull();
        saved.Kind.ShouldBe(ConversationKind.Channel);
        saved.TenantId.ShouldBe(tenant);
        saved.TeamId.ShouldBe(TeamId);
        (await bot.KeysAsync("conversations/personal/")).ShouldBeEmpty();
        bot.Services.GetFakeLogCollector().GetSnapshot().ShouldNotContain(record => record.Level >= LogLevel.Error);
    }

    [Fact]
    public async Task ChannelMessage_WithoutConversationType_IsAChannelMessageNotAPersonalOne()
    {
        var activity = Client.Activity(TeamsUser.Megan, "message", ConversationType.Channel, null, a =>
        {
            a["text"] = "<at>BepBot</at> aide";
            a["conversation"]!.AsObject().Remove("conversationType");
        });

        var response = await Client.PostAsync(activity);

        response.Status.ShouldBe(HttpStatusCode.OK);
        response.Cards.ShouldNotBeEmpty();
        var saved = await Bot.Services.GetRequiredService<ConversationDirectory>().FindSharedAsync(TeamsClient.ConversationIdFor(TeamsUser.Megan, ConversationType.Channel));
        saved.ShouldNotBeNull();
        saved.Kind.ShouldBe(ConversationKind.Channel);
        (await Bot.Services.GetRequiredService<ConversationDirectory>().FindPersonalAsync(TeamsUser.Megan.AadObjectId)).ShouldBeNull();
    }
}
