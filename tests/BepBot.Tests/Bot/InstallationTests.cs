using BepBot.Chat;
using BepBot.Infrastructure.Storage;
using BepBot.Platform.Delivery;
using BepBot.Tests.Harness;
using Microsoft.Extensions.DependencyInjection;

namespace BepBot.Tests.Bot;

public sealed class InstallationTests : BotConversationTest
{
    private ConversationDirectory Conversations => Bot.Services.GetRequiredService<ConversationDirectory>();

    [Fact]
    public async Task Install_Personal_GreetsByNameAndRoleAndStoresReference()
    {
        var response = await Client.InstallAsync(TeamsUser.Megan);

        var welcome = CardReader.AllText(response.Card);
        welcome.ShouldContain(Fr("Bienvenue, Megan Bowen !"));
        welcome.ShouldContain("bourgmestre de Namur");
        welcome.ShouldContain("Données de démonstration");
        CardReader.ButtonTitles(response.Card).ShouldContain("Voir l'aide");
        var saved = await Conversations.FindPersonalAsync(TeamsUser.Megan.AadObjectId);
        saved.ShouldNotBeNull();
        saved.Kind.ShouldBe(ConversationKind.Personal);
        saved.ConversationId.ShouldBe(TeamsClient.ConversationIdFor(TeamsUser.Megan, ConversationType.Personal));
        saved.UserId.ShouldBe(TeamsUser.Megan.Id);
        saved.TenantId.ShouldBe(TeamsClient.Tenant);
        saved.Locale.ShouldBe("fr-BE");
    }

    [Fact]
    public async Task Install_ThenInstallationUpdate_GreetsOnce()
    {
        var first = await Client.InstallAsync(TeamsUser.Patti);
        var second = await Client.InstallationUpdateAsync(TeamsUser.Patti, "add");

        first.Cards.Count().ShouldBe(1);
        second.Messages.ShouldBeEmpty();
    }

    [Fact]
    public async Task WelcomeCard_HelpButton_ShowsHelp()
    {
        var welcome = (await Client.InstallAsync(TeamsUser.Lynne)).Card;

        var response = await Client.ClickAsync(TeamsUser.Lynne, welcome, "Voir l'aide");

        CardReader.AllText(response.Card).ShouldContain("Ce que BepBot peut faire pour vous");
    }

    [Theory]
    [InlineData(ConversationType.GroupChat)]
    [InlineData(ConversationType.Channel)]
    public async Task Install_SharedConversation_StoresConversationReference(ConversationType type)
    {
        var response = await Client.InstallAsync(TeamsUser.Alex, type);

        CardReader.AllText(response.Card).ShouldContain("membre du personnel du BEP");
        var saved = await Conversations.FindSharedAsync(TeamsClient.ConversationIdFor(TeamsUser.Alex, type));
        saved.ShouldNotBeNull();
        saved.Kind.ShouldBe(type == ConversationType.Channel ? ConversationKind.Channel : ConversationKind.GroupChat);
        saved.UserId.ShouldBeNull();
        if (type == ConversationType.Channel)
        {
            saved.TeamId.ShouldBe("19:team-bep@thread.tacv2");
        }
    }

    [Fact]
    public async Task Uninstall_RemovesConversationReference()
    {
        await Client.InstallAsync(TeamsUser.Adele);
        (await Conversations.FindPersonalAsync(TeamsUser.Adele.AadObjectId)).ShouldNotBeNull();

        await Client.UninstallAsync(TeamsUser.Adele);

        (await Conversations.FindPersonalAsync(TeamsUser.Adele.AadObjectId)).ShouldBeNull();
    }

    [Fact]
    public async Task Install_EnglishClient_GreetsInEnglishAndStoresLocale()
    {
        Client.Locale = "en-US";

        var response = await Client.InstallAsync(TeamsUser.Isaiah);

        CardReader.AllText(response.Card).ShouldContain("Welcome, Isaiah Langer!");
        (await Conversations.FindPersonalAsync(TeamsUser.Isaiah.AadObjectId))!.Locale.ShouldBe("en-US");
    }

    [Fact]
    public async Task Install_Guest_GreetedAsGuest()
    {
        var response = await Client.InstallAsync(TeamsUser.Stranger);

        var welcome = CardReader.AllText(response.Card);
        welcome.ShouldContain("Jean Inconnu");
        welcome.ShouldContain("invité");
    }

    [Fact]
    public async Task ProactiveSender_SavedConversation_PostsToConnector()
    {
        await using var connector = await FakeTeamsConnector.StartAsync();
        using var teams = Bot.CreateTeamsClient(connector.ServiceUrl);
        await teams.InstallAsync(TeamsUser.Megan);
        var saved = await Conversations.FindPersonalAsync(TeamsUser.Megan.AadObjectId);

        var sender = Bot.Services.GetRequiredService<ProactiveSender>();
        var outcome = await sender.SendAsync(saved!, new OutgoingMessage("Rappel : conférence demain."));

        outcome.ShouldBeOfType<ProactiveOutcome.Sent>().ActivityId.ShouldNotBeNullOrEmpty();
        var sent = connector.Requests.ShouldHaveSingleItem();
        sent.ConversationId.ShouldBe(saved!.ConversationId);
        ((string?)sent.Activity["text"]).ShouldBe("Rappel : conférence demain.");
    }

    [Fact]
    public async Task Message_WithoutExpectReplies_ReplyPostedToConnector()
    {
        await using var connector = await FakeTeamsConnector.StartAsync();
        using var teams = Bot.CreateTeamsClient(connector.ServiceUrl);
        teams.ExpectReplies = false;

        var response = await teams.SayAsync(TeamsUser.Megan, "qui suis-je");

        response.Status.ShouldBe(System.Net.HttpStatusCode.OK);
        var reply = (await connector.WaitForAsync(1)).ShouldHaveSingleItem();
        ((string?)reply.Activity["text"])!.ShouldContain("bourgmestre de Namur");
        ((string?)reply.Activity["replyToId"]).ShouldNotBeNull();
    }

    [Fact]
    public async Task Message_FromNewConversation_SavesReferenceEvenWithoutInstallEvent()
    {
        await Client.SayAsync(TeamsUser.Lynne, "aide");

        (await Conversations.FindPersonalAsync(TeamsUser.Lynne.AadObjectId)).ShouldNotBeNull();
        (await Bot.KeysAsync("conversations/personal/")).Count.ShouldBe(1);
    }
}
