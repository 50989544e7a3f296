using BepBot.Tests.Harness;

namespace BepBot.Tests.Bot;

public sealed class HelpTests : BotConversationTest
{
    [Theory]
    [InlineData("aide")]
    [InlineData("help")]
    [InlineData("Aide")]
    [InlineData(" AIDE ")]
    [InlineData("aïde")]
    public async Task Help_AnySpelling_ReturnsFrenchHelpCard(string text)
    {
        var response = await Client.SayAsync(TeamsUser.Megan, text);

        var card = response.Card;
        ((string?)card["type"]).ShouldBe("AdaptiveCard");
        var content = CardReader.AllText(card);
        content.ShouldContainAll(
            "Ce que BepBot peut faire pour vous",
            "bourgmestre de Namur",
            "qui suis-je");
    }

    [Theory]
    [InlineData("bonjour")]
    [InlineData("Bonjour !")]
    [InlineData("salut")]
    [InlineData("hello")]
    public async Task Greeting_Alone_IsGreetedBackWithTheHelpCard_NotToldItWasNotUnderstood(string text)
    {
        var response = await Client.SayAsync(TeamsUser.Megan, text);

        response.Texts.ShouldBeEmpty();
        CardReader.AllText(response.Card).ShouldContainAll(Fr("Bonjour Megan Bowen !"), "bourgmestre de Namur", "qui suis-je");
    }

    [Theory]
    [InlineData("bonjour, votes")]
    [InlineData("Bonjour votes")]
    public async Task Greeting_BeforeACommand_RunsTheCommand(string text)
    {
        var response = await Client.SayAsync(TeamsUser.Megan, text);

        CardReader.AllText(response.Card).ShouldContain("Votes en cours");
    }

    [Fact]
    public async Task Help_StaffMember_ListsStaffCommands()
    {
        var staff = await Client.CardTextAsync(TeamsUser.Alex, "aide");
        var officer = await Client.CardTextAsync(TeamsUser.Patti, "aide");

        staff.ShouldContain("annuaire");
        staff.ShouldContain("ajouter un membre");
        officer.ShouldNotContain("ajouter un membre");
        officer.ShouldNotContain("Annuaire (personnel du BEP)");
        officer.ShouldContain("membre du personnel communal à Namur");
    }

    [Theory]
    [InlineData("aide")]
    [InlineData("help")]
    public async Task Help_UsageWithAPlaceholder_ShowsThePlaceholderTeamsWouldOtherwiseSwallowAsHtml(string text)
    {
        if (text == "help")
        {
            Client.Locale = "en-US";
        }

        var card = (await Client.SayAsync(TeamsUser.Alex, text)).Card;

        var content = CardReader.AllText(card);
        if (text == "help")
        {
            content.ShouldContainAll("diagnostic of (commune)", "compare (commune) and (commune)");
        }
        else
        {
            content.ShouldContainAll("diagnostic de (commune)", "comparer (commune) et (commune)");
        }
        content.ShouldNotContain("<");
        content.ShouldNotContain(">");
    }

    [Fact]
    public async Task Help_Guest_ExplainsHowToJoin()
    {
        var content = await Client.CardTextAsync(TeamsUser.Stranger, "aide");

        content.ShouldContain("invité");
        content.ShouldContain("demandez à l'équipe supracommunalité du BEP de vous inscrire");
        content.ShouldNotContain("annuaire (");
    }

    [Fact]
    public async Task Help_EnglishLocale_ReturnsEnglishCard()
    {
        Client.Locale = "en-US";

        var content = await Client.CardTextAsync(TeamsUser.Lynne, "help");

        content.ShouldContain("What BepBot can do for you");
        content.ShouldContain("a member of commune staff in Ciney");
        content.ShouldNotContain("Voici");
    }

    [Fact]
    public async Task Help_ForceLocaleForLocalPlay_FrenchEvenFromEnglishClient()
    {
        await using var bot = new BotApplication(settings: new Dictionary<string, string?> { ["Bot:ForceLocale"] = "fr-BE" });
        using var playground = bot.CreateTeamsClient();
        playground.Locale = "en-US";

        var content = CardReader.AllText((await playground.SayAsync(TeamsUser.Lynne, "help")).Card);

        content.ShouldContain("Ce que BepBot peut faire pour vous");
    }

    [Fact]
    public async Task UnknownText_RepliesNotUnderstoodWithCommands()
    {
        var response = await Client.SayAsync(TeamsUser.Patti, "blablabla xyz");

        response.Status.ShouldBe(System.Net.HttpStatusCode.OK);
        response.Texts.ShouldContain(text => text.StartsWith(Fr("Je n'ai pas compris « blablabla xyz »"), StringComparison.Ordinal));
        CardReader.AllText(response.Card).ShouldContain("aide");
    }

    [Fact]
    public async Task UnknownText_WithMarkdownAndTemplate_EchoedLiterally()
    {
        const string typed = "[cliquez ici](https://evil.example) **urgent** ${secret}";

        var response = await Client.SayAsync(TeamsUser.Patti, typed);

        var echo = response.Texts.First();
        echo.ShouldContain(BepBot.Cards.CardText.EscapeMarkdown(typed));
        echo.ShouldNotContain("[cliquez ici](https://evil.example)");
        echo.ShouldNotContain("**urgent**");
    }

    [Fact]
    public async Task WhoAmI_UnknownUser_IsGuest()
    {
        var response = await Client.SayAsync(TeamsUser.Stranger, "qui suis-je ?");

        response.Texts.Single().ShouldContain("vous êtes en accès invité");
    }

    [Fact]
    public async Task WhoAmI_Bourgmestre_ShowsCommune()
    {
        var response = await Client.SayAsync(TeamsUser.Isaiah, "Qui suis-je");

        response.Texts.Single().ShouldContain("bourgmestre de Couvin");
    }
}
