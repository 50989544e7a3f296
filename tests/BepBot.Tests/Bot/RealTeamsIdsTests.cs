using System.Text;
using System.Text.Json.Nodes;
using BepBot.Chat;
using BepBot.Infrastructure.Storage;
using BepBot.Platform.Delivery;
using BepBot.Tests.Harness;
using BepBot.Tests.Observatoire;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using static BepBot.Tests.Broadcasts.BroadcastSteps;

namespace BepBot.Tests.Bot;

/// <summary>
/// The bot through its HTTP endpoint with ids as Teams sends them (<see cref="RealTeamsIds"/>) and ids of 1,000
/// characters, run once per store: the conversation state, the conversation directory, the claims, the delivery
/// records and queue messages all carry them.
/// </summary>
public abstract class RealTeamsIdsTests(string? localFolder)
    : ConnectedBotTest([], settings: localFolder is null ? null : new Dictionary<string, string?>
    {
        ["Storage:Provider"] = "LocalFolder",
        ["Storage:LocalFolder"] = localFolder,
    })
{
    // The lengths of issue 18's failing case (a:1 + 134, 29:1 + 87), of Microsoft's published samples, and the longest id we promise.
    public static TheoryData<int, int> Lengths { get; } = new() { { 91, 137 }, { RealTeamsIds.SampleUserLength, RealTeamsIds.SampleConversationLength }, { 1000, 1000 } };

    public static TheoryData<ConversationType, int> SharedConversations { get; } = new()
    {
        { ConversationType.Channel, 48 }, { ConversationType.Channel, 1000 }, { ConversationType.GroupChat, 79 }, { ConversationType.GroupChat, 1000 },
    };

    private LogSink Logs { get; } = new();

    private ConversationDirectory Conversations => Bot.Services.GetRequiredService<ConversationDirectory>();

    public override Task InitializeAsync()
    {
        Bot.WithServices(services => services.AddSingleton<ILoggerProvider>(Logs));
        return base.InitializeAsync();
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (localFolder is not null && Directory.Exists(localFolder))
        {
            Directory.Delete(localFolder, recursive: true);
        }
    }

    [Theory]
    [MemberData(nameof(Lengths))]
    public async Task Help_RealShapedIds_AnswersTheHelpCard(int userIdLength, int conversationLength)
    {
        var megan = RealTeamsIds.As(TeamsUser.Megan, userIdLength, conversationLength);
        // Someone else's flow has written conversation state before: the state's folder exists.
        await Teams.SayAsync(TeamsUser.Alex, "nouveau vote");

        var response = await Teams.SayAsync(megan, "aide");

        CardReader.AllText(response.Card).ShouldContainAll("Ce que BepBot peut faire pour vous", "bourgmestre de Namur");
    }

    [Fact]
    public async Task Help_IdLongerThanAnyStoreHolds_ApologisesForABugNotAnOutageAndLogsIt()
    {
        var megan = RealTeamsIds.As(TeamsUser.Megan, conversationLength: 40_000);

        var response = await Teams.SayAsync(megan, "aide");

        response.Texts.ShouldBe([Fr("Désolé, votre demande n'a pas pu être traitée à cause d'une erreur de BepBot : un identifiant lié à cette conversation est trop long pour son stockage. Rien n'a été enregistré. L'équipe du BEP en a été informée ; réessayer ne changera rien tant qu'elle ne l'a pas corrigée.")]);
        var logged = Logs.Entries.Where(entry => entry.Message.StartsWith("Bug: ", StringComparison.Ordinal)).ShouldHaveSingleItem();
        logged.Level.ShouldBe(LogLevel.Error);
        logged.Message.ShouldStartWith("Bug: turn failed for message activity");
        logged.Exception.ShouldBeOfType<InvalidDocumentKeyException>().Message.ShouldNotContain(megan.PersonalConversationId![..40]);
        (await Teams.SayAsync(TeamsUser.Megan, "aide")).AllText.ShouldContain("Ce que BepBot peut faire pour vous");
    }

    [Theory]
    [MemberData(nameof(Lengths))]
    public async Task Install_RealShapedIds_WelcomesKeepsTheConversationAndItsButtonWorks(int userIdLength, int conversationLength)
    {
        var megan = RealTeamsIds.As(TeamsUser.Megan, userIdLength, conversationLength);

        var welcome = (await Teams.InstallAsync(megan)).Card;
        var help = await Teams.ClickAsync(megan, welcome, "Voir l'aide");

        CardReader.AllText(welcome).ShouldContain(Fr("Bienvenue, Megan Bowen !"));
        CardReader.AllText(help.Card).ShouldContain("Ce que BepBot peut faire pour vous");
        var saved = await Conversations.FindPersonalAsync(megan.AadObjectId);
        saved.ShouldNotBeNull();
        saved.ConversationId.ShouldBe(megan.PersonalConversationId);
        saved.UserId.ShouldBe(megan.Id);
    }

    [Theory]
    [MemberData(nameof(Lengths))]
    public async Task Flow_RealShapedIds_EachStepFollowsTheLast(int userIdLength, int conversationLength)
    {
        var alex = RealTeamsIds.As(TeamsUser.Alex, userIdLength, conversationLength);

        var start = await Teams.SayAsync(alex, "nouveau vote");
        var second = await Teams.SayAsync(alex, "Approuvez-vous le budget 2027 ?");
        var cancelled = await Teams.SayAsync(alex, "annuler");

        start.AllText.ShouldContain(Fr("Quelle question posez-vous aux bourgmestres ?"));
        second.AllText.ShouldContain(Fr("Un texte explicatif pour les bourgmestres ?"));
        cancelled.AllText.ShouldContain(Fr("Opération annulée : « Nouveau vote ». Rien n'a été enregistré."));
    }

    [Theory]
    [MemberData(nameof(Lengths))]
    public async Task Broadcast_RealShapedIds_CardClicksQueueAndProactiveSendReachThePersonalChat(int userIdLength, int conversationLength)
    {
        var alex = RealTeamsIds.As(TeamsUser.Alex, userIdLength, conversationLength);
        var megan = RealTeamsIds.As(TeamsUser.Megan, userIdLength, conversationLength);
        await Teams.InstallAsync(alex);
        await Teams.InstallAsync(megan);

        var compose = (await Teams.SayAsync(alex, "diffuser")).Card;
        var preview = await Teams.ClickAsync(alex, compose, "Prévisualiser", Inputs("bourgmestres"));
        var broadcastId = (string)CardReader.FindAction(preview.UpdatedCard!, "Envoyer maintenant")["data"]!["draftId"]!;
        var sent = await Teams.ClickAsync(alex, preview.UpdatedCard!, "Envoyer maintenant");
        await WaitForStateAsync(Bot, broadcastId, BroadcastState.Completed);

        CardReader.AllText(sent.UpdatedCard!).ShouldContain(Fr("Diffusion : Conférence du 12 mars"));
        Connector.Delivered.Where(request => request.ConversationId == megan.PersonalConversationId && request.AllText.Contains("Conférence du 12 mars", StringComparison.Ordinal))
            .ShouldHaveSingleItem();
        (await DeliveriesAsync(Bot, broadcastId))["Megan Bowen"].Status.ShouldBe(DeliveryStatus.Sent);
    }

    [Theory]
    [MemberData(nameof(SharedConversations))]
    public async Task SharedConversation_RealShapedIds_InstalledAnsweredAndReachedByABroadcast(ConversationType type, int length)
    {
        Teams.GroupChatId = RealTeamsIds.GroupChat("bep-groupe", length);
        Teams.ChannelId = RealTeamsIds.Channel("bep-general", length);
        Teams.TeamId = RealTeamsIds.Channel("bep-team", length);
        var alex = RealTeamsIds.As(TeamsUser.Alex);
        var conversation = Teams.ConversationOf(alex, type);
        await Teams.InstallAsync(alex);

        var installed = await Teams.InstallAsync(alex, type);
        var help = await Teams.SayAsync(alex, "aide", type);

        CardReader.AllText(installed.Card).ShouldContain("membre du personnel du BEP");
        CardReader.AllText(help.Card).ShouldContain("Ce que BepBot peut faire pour vous");
        (await Conversations.FindSharedAsync(conversation)).ShouldNotBeNull().ConversationId.ShouldBe(conversation);
        if (type == ConversationType.Channel)
        {
            var compose = (await Teams.SayAsync(alex, "diffuser")).Card;
            var preview = await Teams.ClickAsync(alex, compose, "Prévisualiser", new Dictionary<string, string>(Inputs("channel")) { ["channel"] = conversation });
            var broadcastId = (string)CardReader.FindAction(preview.UpdatedCard!, "Envoyer maintenant")["data"]!["draftId"]!;
            await Teams.ClickAsync(alex, preview.UpdatedCard!, "Envoyer maintenant");
            await WaitForStateAsync(Bot, broadcastId, BroadcastState.Completed);

            Connector.Delivered.Where(request => request.ConversationId == conversation && request.AllText.Contains("Conférence du 12 mars", StringComparison.Ordinal))
                .ShouldHaveSingleItem();
        }
    }

    /// <summary>The three activities Microsoft's Teams documentation publishes, with ids of the same shape: they get the answers the harness's short ids get.</summary>
    [Fact]
    public async Task PublishedSamples_PersonalMessageFileAndCardClick_AnsweredAsWithShortIds()
    {
        await using var files = await LoopbackFileServer.StartAsync();
        var url = files.Serve("population.csv", Encoding.UTF8.GetBytes(ObservatoireCsvTests.Csv(5)));
        var megan = RealTeamsIds.As(TeamsUser.Megan);
        var welcome = (await Teams.InstallAsync(TeamsUser.Megan)).Card;

        async Task<IReadOnlyList<string>> ReplayAsync(TeamsUser user)
        {
            var message = await Teams.PostAsync(Teams.Activity(user, "message", ConversationType.Personal, null, activity =>
            {
                activity["text"] = "aide";
                activity["textFormat"] = "plain";
                activity["localTimestamp"] = DateTimeOffset.Now.ToString("O");
                activity["entities"] = new JsonArray(new JsonObject { ["type"] = "clientInfo", ["locale"] = "fr-BE", ["country"] = "BE", ["platform"] = "Windows", ["timezone"] = "Europe/Brussels" });
            }));
            var file = await Teams.PostAsync(Teams.Activity(user, "message", ConversationType.Personal, null, activity =>
                activity["attachments"] = new JsonArray(new JsonObject
                {
                    ["contentType"] = "application/vnd.microsoft.teams.file.download.info",
                    ["contentUrl"] = "https://contoso.sharepoint.com/personal/megan_contoso_com/Documents/population.csv",
                    ["name"] = "population.csv",
                    ["content"] = new JsonObject { ["downloadUrl"] = url, ["uniqueId"] = Guid.NewGuid().ToString().ToUpperInvariant(), ["fileType"] = "csv", ["etag"] = "1" },
                })));
            var click = await Teams.ClickAsync(user, welcome, "Voir l'aide");
            return [message.AllText, file.AllText, click.AllText];
        }

        var withShortIds = await ReplayAsync(TeamsUser.Megan);
        var withRealIds = await ReplayAsync(megan);

        withRealIds.ShouldBe(withShortIds);
        withRealIds[0].ShouldContain("Ce que BepBot peut faire pour vous");
        withRealIds[1].ShouldNotBeEmpty();
        withRealIds[2].ShouldContain("Ce que BepBot peut faire pour vous");
    }
}
