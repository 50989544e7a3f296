using System.Text.Json.Nodes;

namespace BepBot.Tests.Cards;

// Every card, expanded with its sample data, must pass the official renderer's validation for schema 1.5
// (tests/node/validate-cards.js, run once) and the checks it does not make (CardChecks). The renderer does not know
// Teams' charts: it sees each chart's fallback, and ChartChecks checks the chart itself.
public sealed class CardValidationTests
{
    // Cards the official renderer must reject, with the event it must report.
    private static readonly Dictionary<string, (string Card, string Event)> BadCards = new(StringComparer.Ordinal)
    {
        ["bad:unknown-element"] = ("""{ "type": "AdaptiveCard", "version": "1.5", "body": [ { "type": "TextBlok", "text": "x" } ] }""", "UnknownElementType"),
        ["bad:unknown-action"] = ("""{ "type": "AdaptiveCard", "version": "1.5", "actions": [ { "type": "Action.Executer", "title": "x" } ] }""", "UnknownActionType"),
        ["bad:enum-value"] = ("""{ "type": "AdaptiveCard", "version": "1.5", "body": [ { "type": "TextBlock", "text": "x", "size": "huge" } ] }""", "InvalidPropertyValue"),
        ["bad:input-without-id"] = ("""{ "type": "AdaptiveCard", "version": "1.5", "body": [ { "type": "Input.Text", "label": "Nom" } ] }""", "PropertyCantBeNull"),
        ["bad:duplicate-id"] = ("""{ "type": "AdaptiveCard", "version": "1.5", "body": [ { "type": "Input.Text", "id": "a", "label": "A" }, { "type": "Input.Text", "id": "a", "label": "B" } ] }""", "DuplicateId"),
        ["bad:newer-than-1.5"] = ("""{ "type": "AdaptiveCard", "version": "1.5", "body": [ { "type": "Input.ChoiceSet", "id": "c", "label": "Commune", "choices": [ { "title": "Namur", "value": "namur" } ], "choices.data": { "type": "Data.Query", "dataset": "communes" } } ] }""", "UnsupportedProperty"),
        ["bad:chart-left-to-the-renderer"] = ("""{ "type": "AdaptiveCard", "version": "1.5", "body": [ { "type": "Chart.VerticalBar", "title": "Voix", "data": [ { "x": "Pour", "y": 3 } ] } ] }""", "UnknownElementType"),
        ["bad:version"] = ("""{ "type": "AdaptiveCard", "version": "2.0", "body": [] }""", "UnsupportedCardVersion"),
    };

    private static readonly Lazy<Dictionary<string, JsonArray>> RendererEvents = new(RunOfficialRenderer);

    public static TheoryData<string> CardNames() => [.. CardSample.Cards().Select(sample => sample.Name)];

    public static TheoryData<string> BadCardNames() => [.. BadCards.Keys];

    [Theory]
    [MemberData(nameof(CardNames))]
    public void ExpandedCard_OfficialRenderer_ReportsNoErrorOrWarning(string name)
    {
        var events = RendererEvents.Value[name];

        events.ShouldBeEmpty($"{name}: {CardJson.Show(events)}");
    }

    [Theory]
    [MemberData(nameof(CardNames))]
    public void ExpandedCard_BepBotChecks_FindNoProblem(string name)
    {
        var card = CardSample.Cards().Single(sample => sample.Name == name).Expand();

        CardChecks.Check(card).ShouldBeEmpty();
    }

    [Theory]
    [MemberData(nameof(BadCardNames))]
    public void OfficialRenderer_BadCard_ReportsIt(string name)
    {
        var events = RendererEvents.Value[name];

        events.Select(e => e!["event"]!.GetValue<string>()).ShouldContain(BadCards[name].Event, CardJson.Show(events));
    }

    [Theory]
    [InlineData("""{ "type": "Card", "version": "1.5" }""", "$.type: must be \"AdaptiveCard\"")]
    [InlineData("""{ "version": "1.5" }""", "$.type: must be \"AdaptiveCard\"")]
    [InlineData("""{ "type": "AdaptiveCard" }""", "$.version: missing")]
    [InlineData("""{ "type": "AdaptiveCard", "version": "1.4" }""", "$.version: must be \"1.5\"")]
    [InlineData("""{ "type": "AdaptiveCard", "version": 1.5 }""", "$.version: must be \"1.5\"")]
    [InlineData("""{ "type": "AdaptiveCard", "version": "1.5", "body": [ { "type": "Input.Text", "id": "nom" } ] }""", "$.body[0]: Input.Text needs a non-empty label")]
    [InlineData("""{ "type": "AdaptiveCard", "version": "1.5", "body": [ { "type": "Container", "items": [ { "type": "Input.Toggle", "id": "ok", "title": "OK", "label": " " } ] } ] }""", "$.body[0].items[0]: Input.Toggle needs a non-empty label")]
    [InlineData("""{ "type": "AdaptiveCard", "version": "1.5", "actions": [ { "type": "Action.Execute", "title": "Voter" } ] }""", "$.actions[0]: Action.Execute needs a verb")]
    [InlineData("""{ "type": "AdaptiveCard", "version": "1.5", "actions": [ { "type": "Action.Execute", "title": "Voter", "verb": "" } ] }""", "$.actions[0]: Action.Execute needs a verb")]
    [InlineData("""{ "type": "AdaptiveCard", "version": "1.5", "actions": [ { "type": "Action.Execute", "title": "Voter", "verb": "cast" } ] }""", "verb \"cast\" must read <feature>.<action>")]
    [InlineData("""{ "type": "AdaptiveCard", "version": "1.5", "actions": [ { "type": "Action.Execute", "title": "Voter", "verb": "Votes.cast" } ] }""", "verb \"Votes.cast\"")]
    [InlineData("""{ "type": "AdaptiveCard", "version": "1.5", "actions": [ { "type": "Action.Execute", "title": "Voter", "verb": "votes.cast_now" } ] }""", "verb \"votes.cast_now\"")]
    [InlineData("""{ "type": "AdaptiveCard", "version": "1.5", "actions": [ { "type": "Action.Execute", "title": "Voter", "verb": "votes.cast.now" } ] }""", "verb \"votes.cast.now\"")]
    [InlineData("""{ "type": "AdaptiveCard", "version": "1.5", "body": [ { "type": "TextBlock", "text": "x", "selectAction": { "type": "Action.Execute", "verb": "x" } } ] }""", "$.body[0].selectAction: verb \"x\"")]
    [InlineData("""{ "type": "AdaptiveCard", "version": "1.5", "actions": [ { "type": "Action.Submit", "title": "Envoyer" } ] }""", "$.actions[0]: BepBot buttons are Action.Execute")]
    public void Checks_BadCard_ReportsProblem(string json, string problem)
    {
        var problems = CardChecks.Check(JsonNode.Parse(json)!.AsObject());

        problems.ShouldContain(p => p.Contains(problem, StringComparison.Ordinal), string.Join("\n", problems));
    }

    [Theory]
    [InlineData("votes.cast")]
    [InlineData("help.show")]
    [InlineData("conferences.rsvp")]
    [InlineData("labs.registerWaitlist")]
    public void Checks_GoodVerb_ReportsNothing(string verb)
    {
        var card = JsonNode.Parse($$"""{ "type": "AdaptiveCard", "version": "1.5", "actions": [ { "type": "Action.Execute", "title": "OK", "verb": "{{verb}}" } ] }""")!.AsObject();

        CardChecks.Check(card).ShouldBeEmpty();
    }

    [Fact]
    public void Verbs_ExecuteActionsAnywhere_AllFound()
    {
        var card = JsonNode.Parse("""
            { "type": "AdaptiveCard", "version": "1.5",
              "body": [
                { "type": "ActionSet", "actions": [ { "type": "Action.Execute", "verb": "votes.cast" } ] },
                { "type": "Container", "selectAction": { "type": "Action.Execute", "verb": "labs.open" }, "items": [] } ],
              "actions": [
                { "type": "Action.ShowCard", "card": { "type": "AdaptiveCard", "actions": [ { "type": "Action.Execute", "verb": "labs.register" } ] } },
                { "type": "Action.OpenUrl", "url": "https://www.bep.be" } ] }
            """)!;

        CardChecks.Verbs(card).OrderBy(v => v, StringComparer.Ordinal).ShouldBe(["labs.open", "labs.register", "votes.cast"]);
    }

    [Fact]
    public void AllVerbs_SampleCards_ListsWelcomeButton()
    {
        var verbs = CardChecks.AllVerbs();

        verbs.ShouldContain("help.show");
        verbs.ShouldAllBe(verb => CardChecks.VerbPattern().IsMatch(verb));
    }

    [Fact]
    public void EveryCardTemplate_HasSampleData()
    {
        var samples = CardSample.Cards();

        samples.Where(s => !File.Exists(s.DataPath)).Select(s => s.DataPath)
            .ShouldBeEmpty("each cards/<feature>/<name>.json needs its <name>.data.json sample");
        string[] required = ["card:common/confirmation", "card:common/error", "card:help/help", "card:welcome/welcome"];
        required.ShouldBeSubsetOf(samples.Select(s => s.Name));
    }

    private static Dictionary<string, JsonArray> RunOfficialRenderer()
    {
        var input = new JsonArray();
        foreach (var sample in CardSample.Cards())
        {
            input.Add(new JsonObject { ["name"] = sample.Name, ["card"] = ChartChecks.WithFallbacks(sample.Expand()) });
        }

        foreach (var (name, (card, _)) in BadCards)
        {
            input.Add(new JsonObject { ["name"] = name, ["card"] = JsonNode.Parse(card) });
        }

        return NodeScript.Run("validate-cards.js", input)
            .Select(result => result!.AsObject())
            .ToDictionary(result => result["name"]!.GetValue<string>(), result => result["events"]!.AsArray(), StringComparer.Ordinal);
    }
}
