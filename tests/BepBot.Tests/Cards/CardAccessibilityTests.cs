using System.Text.Json.Nodes;
using BepBot.Tests.Harness;

namespace BepBot.Tests.Cards;

// Every card template, and the card its sample data expands to, as an accessibility auditor checks them
// (AccessibilityChecks): a fallback text and a spoken text, headings, error messages that say what to do, buttons
// repeated per item that name their item, buttons that fit the 320 px chat column; and the cards the issue named.
public sealed class CardAccessibilityTests
{
    public static TheoryData<string> CardNames() => [.. CardSample.Cards().Select(sample => sample.Name)];

    [Theory]
    [MemberData(nameof(CardNames))]
    public void Template_AccessibilityChecks_FindNoProblem(string name)
    {
        var template = JsonNode.Parse(CardSample.Cards().Single(sample => sample.Name == name).TemplateJson)!.AsObject();

        AccessibilityChecks.Template(template).ShouldBeEmpty();
    }

    [Theory]
    [MemberData(nameof(CardNames))]
    public void ExpandedCard_AccessibilityChecks_FindNoProblem(string name)
    {
        var card = CardSample.Cards().Single(sample => sample.Name == name).Expand();

        AccessibilityChecks.Expanded(card).ShouldBeEmpty();
    }

    [Fact]
    public void Compare_Values_AreATableWithTheCommunesAsColumnHeaders()
    {
        var card = Sample("observatoire/compare").Expand();

        CardReader.Nodes(card).ShouldNotContain(node => (string?)node["type"] == "ColumnSet", "a ColumnSet reads its values without the commune they belong to");
        var table = CardReader.Nodes(card).Single(node => (string?)node["type"] == "Table");
        ((bool?)table["firstRowAsHeader"] ?? true).ShouldBeTrue();
        var header = table["rows"]!.AsArray()[0]!["cells"]!.AsArray().Select(cell => CardReader.AllText(cell!.AsObject())).ToList();
        header.Count.ShouldBe(table["columns"]!.AsArray().Count);
        header.Skip(1).ShouldAllBe(text => text.Contains("Ciney") || text.Contains("Dinant"));
        table["rows"]!.AsArray().Skip(1).ShouldAllBe(row => row!["cells"]!.AsArray().Count == header.Count);
    }

    [Fact]
    public void LabEdit_CapacityAndQuota_AreNumberBoxesWithBoundsAndAnErrorThatSaysWhatToDo()
    {
        var card = Sample("labs/edit").Expand();

        foreach (var id in new[] { "capacity", "quota" })
        {
            var input = CardReader.FindInput(card, id).ShouldNotBeNull();
            ((string?)input["type"], (int?)input["min"], (int?)input["max"]).ShouldBe(("Input.Number", 1, 5000), id);
            ((string?)input["errorMessage"]).ShouldStartWith("Indiquez un nombre entier", customMessage: id);
        }
    }

    [Theory]
    [InlineData("""{ "type": "AdaptiveCard", "version": "1.5", "speak": "x", "body": [] }""", "$.fallbackText: missing")]
    [InlineData("""{ "type": "AdaptiveCard", "version": "1.5", "fallbackText": "x", "body": [] }""", "$.speak: missing")]
    [InlineData("""{ "type": "AdaptiveCard", "fallbackText": "x", "speak": "x", "body": [ { "type": "TextBlock", "text": "Titre", "weight": "Bolder" }, { "type": "TextBlock", "text": "x" } ] }""", "$.body[0]: the card starts with a title")]
    [InlineData("""{ "type": "AdaptiveCard", "fallbackText": "x", "speak": "x", "body": [ { "type": "TextBlock", "text": "x" }, { "type": "TextBlock", "text": "Titre", "size": "Large" } ] }""", "$.body[1]: a large title needs")]
    [InlineData("""{ "type": "AdaptiveCard", "fallbackText": "x", "speak": "x", "body": [ { "type": "Container", "items": [ { "type": "TextBlock", "text": "Section", "weight": "Bolder" }, { "type": "TextBlock", "text": "x" } ] } ] }""", "$.body[0].items[0]: the bold title of a section")]
    [InlineData("""{ "type": "AdaptiveCard", "fallbackText": "x", "speak": "x", "body": [ { "type": "Container", "$data": "${labs}", "items": [ { "type": "ActionSet", "actions": [ { "type": "Action.Execute", "title": "${detailsTitle}", "verb": "labs.show" } ] } ] } ] }""", "a button repeated per item needs a \"tooltip\"")]
    [InlineData("""{ "type": "AdaptiveCard", "fallbackText": "x", "speak": "x", "body": [ { "type": "Container", "$data": "${people}", "items": [ { "type": "ActionSet", "actions": [ { "type": "Action.Execute", "title": "${$root.removeTitle}", "verb": "labs.remove" } ] } ] } ] }""", "a button repeated per item needs a \"tooltip\"")]
    [InlineData("""{ "type": "AdaptiveCard", "fallbackText": "x", "speak": "x", "body": [ { "type": "Input.Text", "id": "a", "label": "${label}", "isRequired": true, "errorMessage": "${label}" } ] }""", "errorMessage that says what to do")]
    [InlineData("""{ "type": "AdaptiveCard", "fallbackText": "x", "speak": "x", "body": [ { "type": "Input.Number", "id": "a", "label": "Places", "isRequired": true } ] }""", "errorMessage that says what to do")]
    [InlineData("""{ "type": "AdaptiveCard", "fallbackText": "x", "speak": "x", "body": [ { "type": "Input.ChoiceSet", "id": "a", "label": "Pour", "style": "expanded", "choices": [] } ] }""", "expanded choices need \"wrap\": true")]
    public void Template_BadCard_ReportsProblem(string json, string problem)
    {
        var problems = AccessibilityChecks.Template(JsonNode.Parse(json)!.AsObject());

        problems.ShouldContain(p => p.Contains(problem, StringComparison.Ordinal), string.Join("\n", problems));
    }

    [Theory]
    [InlineData("""{ "type": "AdaptiveCard", "fallbackText": "", "speak": "x" }""", "$.fallbackText: empty once expanded")]
    [InlineData("""{ "type": "AdaptiveCard", "fallbackText": "x", "speak": " " }""", "$.speak: empty once expanded")]
    [InlineData("""{ "type": "AdaptiveCard", "fallbackText": "x", "speak": "x", "actions": [ { "type": "Action.Execute", "title": "Voter : Approuvez-vous l'avis sur le schéma", "verb": "votes.show" } ] }""", "longer than 32 characters")]
    [InlineData("""{ "type": "AdaptiveCard", "fallbackText": "x", "speak": "x", "body": [ { "type": "ActionSet", "actions": [ { "type": "Action.Execute", "title": "Détails", "verb": "labs.show" } ] }, { "type": "ActionSet", "actions": [ { "type": "Action.Execute", "title": "Détails", "verb": "labs.show" } ] } ] }""", "2 « labs.show » buttons read « Détails »")]
    [InlineData("""{ "type": "AdaptiveCard", "fallbackText": "x", "speak": "x", "actions": [ { "type": "Action.Execute", "title": "Oui, tout supprimer", "verb": "labs.erase" }, { "type": "Action.Execute", "title": "Non, ne rien changer", "verb": "labs.keep" } ] }""", "side by side are cut in a 320 px column")]
    public void Expanded_BadCard_ReportsProblem(string json, string problem)
    {
        var problems = AccessibilityChecks.Expanded(JsonNode.Parse(json)!.AsObject());

        problems.ShouldContain(p => p.Contains(problem, StringComparison.Ordinal), string.Join("\n", problems));
    }

    [Fact]
    public void Expanded_RepeatedButtonsNamingTheirItem_ReportNothing()
    {
        var card = JsonNode.Parse("""
            { "type": "AdaptiveCard", "fallbackText": "Séminaires", "speak": "Séminaires",
              "body": [
                { "type": "ActionSet", "actions": [ { "type": "Action.Execute", "title": "Voir le séminaire", "tooltip": "Voir le séminaire « Cybersécurité »", "verb": "labs.show" } ] },
                { "type": "ActionSet", "actions": [ { "type": "Action.Execute", "title": "Voir le séminaire", "tooltip": "Voir le séminaire « Commerces »", "verb": "labs.show" } ] } ] }
            """)!.AsObject();

        AccessibilityChecks.Expanded(card).ShouldBeEmpty();
    }

    private static CardSample Sample(string id) => CardSample.Cards().Single(sample => sample.Name == "card:" + id);
}
