using System.Text.Json.Nodes;
using BepBot.Cards;

namespace BepBot.Tests.Cards;

public sealed class CardCatalogTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("bepbot-cards-");

    public void Dispose() => _folder.Delete(recursive: true);

    private void Write(string relativePath, string json)
    {
        var path = Path.Combine(_folder.FullName, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, json);
    }

    private sealed record ErrorCard(string Title, string Message);

    private sealed record Detail(string Label, string Value);

    private sealed record ConfirmationCard(string Title, string Message, IReadOnlyList<Detail>? Details);

    private sealed record WelcomeCard(string Title, string UserName, string RoleLabel, string Intro, IReadOnlyList<string> Highlights, string HelpButton);

    private sealed record HelpCommand(string Command, string Description);

    private sealed record HelpSection(string Title, IReadOnlyList<HelpCommand> Commands);

    private sealed record HelpCard(string Title, string Intro, IReadOnlyList<HelpSection> Sections, string Footer);

    [Fact]
    public void Constructor_CardsFolder_LoadsEveryTemplateButNotSamples()
    {
        Write("votes/ballot.json", """{ "type": "AdaptiveCard", "t": "${title}" }""");
        Write("votes/ballot.data.json", """{ "title": "x" }""");
        Write("common/error.json", """{ "type": "AdaptiveCard" }""");

        var catalog = new CardCatalog(_folder.FullName);

        catalog.Names.ShouldBe(["common/error", "votes/ballot"]);
        catalog.Get("votes/ballot").Name.ShouldBe("votes/ballot");
    }

    [Fact]
    public void Constructor_BadTemplate_FailsNamingTemplateAndPath()
    {
        Write("common/error.json", """{ "type": "AdaptiveCard" }""");
        Write("votes/ballot.json", """{ "type": "AdaptiveCard", "body": [ { "text": "${substring(title, 2)}" } ] }""");

        var error = Should.Throw<CardTemplateException>(() => new CardCatalog(_folder.FullName));

        error.TemplateName.ShouldBe("votes/ballot");
        error.JsonPath.ShouldBe("$.body[0].text");
        error.Message.ShouldContain("unknown function 'substring'");
    }

    [Fact]
    public void Constructor_InvalidJson_FailsNamingTemplate()
    {
        Write("labs/list.json", """{ "type": "AdaptiveCard", """);

        Should.Throw<CardTemplateException>(() => new CardCatalog(_folder.FullName)).TemplateName.ShouldBe("labs/list");
    }

    [Fact]
    public void Constructor_MissingFolder_ThrowsDirectoryNotFound()
    {
        var missing = Path.Combine(_folder.FullName, "nope");

        Should.Throw<DirectoryNotFoundException>(() => new CardCatalog(missing)).Message.ShouldContain(missing);
    }

    [Fact]
    public void Get_UnknownName_ThrowsKeyNotFoundListingKnownNames()
    {
        Write("common/error.json", """{ "type": "AdaptiveCard" }""");
        var catalog = new CardCatalog(_folder.FullName);

        var error = Should.Throw<KeyNotFoundException>(() => catalog.Get("votes/ballot"));

        error.Message.ShouldContain("'votes/ballot'");
        error.Message.ShouldContain("common/error");
    }

    [Fact]
    public void Render_Record_BindsCamelCaseFields()
    {
        var catalog = new CardCatalog(CardTestPaths.CardsRoot);

        var card = catalog.Render("common/error", new ErrorCard("Une erreur est survenue", "Veuillez réessayer."));

        card["body"]![0]!["text"]!.GetValue<string>().ShouldBe("Une erreur est survenue");
        card["body"]![1]!["text"]!.GetValue<string>().ShouldBe("Veuillez réessayer.");
    }

    [Theory]
    [InlineData("Votre export est prêt.", "Votre export est prêt. Téléchargez-le.")]
    [InlineData("Voter ?", "Voter ? Téléchargez-le.")]
    [InlineData("Vote enregistré", "Vote enregistré. Téléchargez-le.")]
    public void Render_TitleEndingASentence_IsSpokenWithASingleStop(string title, string spoken)
    {
        var catalog = new CardCatalog(CardTestPaths.CardsRoot);

        var card = catalog.Render("common/error", new ErrorCard(title, "Téléchargez-le."));

        ((string?)card["speak"]).ShouldBe(spoken);
        ((string?)card["fallbackText"]).ShouldBe(spoken);
    }

    [Fact]
    public void Constructor_BotOutputCardsFolder_HasEveryRepositoryCard()
    {
        // The bot copies cards/**/*.json (not the samples) to its output: this is the folder it loads at startup.
        var catalog = new CardCatalog(Path.Combine(AppContext.BaseDirectory, "cards"));

        catalog.Names.ShouldBe(new CardCatalog(CardTestPaths.CardsRoot).Names);
        catalog.Names.ShouldContain("help/help");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Render_ConfirmationWithoutDetails_DropsFactSet(bool emptyList)
    {
        var catalog = new CardCatalog(CardTestPaths.CardsRoot);

        var card = catalog.Render("common/confirmation",
            new ConfirmationCard("Inscription annulée", "Votre place a été libérée.", emptyList ? [] : null));

        card["body"]!.AsArray().Select(e => e!["type"]!.GetValue<string>()).ShouldBe(["TextBlock", "TextBlock"]);
    }

    [Fact]
    public void Render_ConfirmationWithDetails_ListsFacts()
    {
        var catalog = new CardCatalog(CardTestPaths.CardsRoot);

        var card = catalog.Render("common/confirmation", new ConfirmationCard("Vote enregistré", "Merci.",
            [new Detail("Commune", "Éghezée"), new Detail("Vote", "Pour")]));

        card["body"]![2]!["facts"].ShouldEqualJson("""[ { "title": "Commune", "value": "Éghezée" }, { "title": "Vote", "value": "Pour" } ]""");
        CardChecks.Check(card).ShouldBeEmpty();
    }

    [Fact]
    public void Render_WelcomeWithoutHighlights_KeepsTextAndButton()
    {
        var catalog = new CardCatalog(CardTestPaths.CardsRoot);

        var card = catalog.Render("welcome/welcome", new WelcomeCard(
            "Bienvenue, Patti Fernandez !", "Patti Fernandez", "Vous êtes agente communale à Namur.", "Bonjour.", [], "Voir l'aide"));

        card["body"]!.AsArray().Count.ShouldBe(3);
        card["body"]![0]!["text"]!.GetValue<string>().ShouldBe("Bienvenue, Patti Fernandez !");
        card["actions"]![0]!["title"]!.GetValue<string>().ShouldBe("Voir l'aide");
        CardChecks.Verbs(card).ShouldBe(["help.show"]);
    }

    [Fact]
    public void Render_Help_OneLinePerCommandInEachSection()
    {
        var catalog = new CardCatalog(CardTestPaths.CardsRoot);

        var card = catalog.Render("help/help", new HelpCard("Aide", "Intro", [
            new HelpSection("Pour tous", [new HelpCommand("aide", "Affiche l'aide."), new HelpCommand("annuler", "Interrompt.")]),
            new HelpSection("Votes", [new HelpCommand("votes", "Les votes ouverts.")])], "Pied"));

        var sections = card["body"]!.AsArray().Where(e => e!["type"]!.GetValue<string>() == "Container").ToList();
        sections.Count.ShouldBe(2);
        sections[0]!["items"]![0]!["text"]!.GetValue<string>().ShouldBe("Pour tous");
        sections[0]!["items"]!.AsArray().Skip(1).Select(line => line!["text"]!.GetValue<string>())
            .ShouldBe(["**aide** — Affiche l'aide.", "**annuler** — Interrompt."]);
        sections[1]!["items"]!.AsArray().Count.ShouldBe(2);
        card["body"]!.AsArray()[^1]!["text"]!.GetValue<string>().ShouldBe("Pied");
    }

    [Fact]
    public void Render_EscapedUserText_CannotInjectLinksOrExpressions()
    {
        var catalog = new CardCatalog(CardTestPaths.CardsRoot);
        const string Typed = "[Cliquez ici](https://exemple.invalid) ${$root.title} **gras**";

        var card = catalog.Render("common/error", new ErrorCard("Erreur", CardText.EscapeMarkdown(Typed)));

        var text = card["body"]![1]!["text"]!.GetValue<string>();
        text.ShouldNotContain("](");
        text.ShouldNotContain("${");
        text.ShouldNotContain("**");
        text.ShouldBe(@"\[Cliquez ici\]\(https://exemple.invalid) $\{$root.title} \*\*gras\*\*");
    }

    [Fact]
    public void Render_NullData_Throws()
    {
        var catalog = new CardCatalog(CardTestPaths.CardsRoot);

        Should.Throw<ArgumentNullException>(() => catalog.Render("common/error", null!));
    }

    [Fact]
    public void Render_RecordMissingField_ThrowsNamingField()
    {
        var catalog = new CardCatalog(CardTestPaths.CardsRoot);

        var error = Should.Throw<CardTemplateException>(() => catalog.Render("common/error", new { Title = "Erreur" }));

        error.TemplateName.ShouldBe("common/error");
        error.MissingField.ShouldBe("message");
        error.JsonPath.ShouldBe("$.speak");
    }

    [Fact]
    public void Expand_SampleDataAsJsonNode_SameAsRenderFromRecord()
    {
        var catalog = new CardCatalog(CardTestPaths.CardsRoot);
        var sample = JsonNode.Parse(File.ReadAllText(Path.Combine(CardTestPaths.CardsRoot, "welcome", "welcome.data.json")))!;
        var record = new WelcomeCard(
            sample["title"]!.GetValue<string>(), sample["userName"]!.GetValue<string>(), sample["roleLabel"]!.GetValue<string>(),
            sample["intro"]!.GetValue<string>(), [.. sample["highlights"]!.AsArray().Select(h => h!.GetValue<string>())],
            sample["helpButton"]!.GetValue<string>());

        JsonNode.DeepEquals(catalog.Get("welcome/welcome").Expand(sample), catalog.Render("welcome/welcome", record)).ShouldBeTrue();
    }
}
