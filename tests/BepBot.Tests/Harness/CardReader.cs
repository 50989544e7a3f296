using System.Text.Json.Nodes;

namespace BepBot.Tests.Harness;

/// <summary>Reads an Adaptive Card the way a person looks at it: its texts, its buttons, its inputs.</summary>
public static class CardReader
{
    public static IEnumerable<JsonObject> Nodes(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                yield return obj;
                foreach (var (_, child) in obj)
                {
                    foreach (var descendant in Nodes(child))
                    {
                        yield return descendant;
                    }
                }

                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    foreach (var descendant in Nodes(item))
                    {
                        yield return descendant;
                    }
                }

                break;
        }
    }

    // Tooltips included: a screen reader announces them, and a button repeated per item names its item there.
    public static string AllText(JsonObject card) => string.Join("\n", Nodes(card)
        .SelectMany(node => new[] { node["text"], node["title"], node["tooltip"], node["value"], node["label"] })
        .OfType<JsonValue>()
        .Select(value => value.TryGetValue<string>(out var text) ? text : null)
        .OfType<string>());

    /// <summary>Teams' charts in the card (Chart.VerticalBar, Chart.Line…), wherever they are.</summary>
    public static IEnumerable<JsonObject> Charts(JsonObject card) =>
        Nodes(card).Where(node => ((string?)node["type"])?.StartsWith("Chart.", StringComparison.Ordinal) == true);

    /// <summary>A FactSet's lines as "title: value", the way a fallback shows a chart's figures.</summary>
    public static IEnumerable<string> Facts(JsonNode? node) =>
        Nodes(node).Where(item => (string?)item["type"] == "FactSet")
            .SelectMany(set => set["facts"]!.AsArray().Select(fact => $"{(string?)fact!["title"]}: {(string?)fact["value"]}"));

    /// <summary>The buttons a person sees: the card's refresh action is run by Teams, not shown.</summary>
    public static IEnumerable<JsonObject> Actions(JsonObject card) =>
        Nodes(card).Where(node => ((string?)node["type"])?.StartsWith("Action.", StringComparison.Ordinal) == true && !ReferenceEquals(node, card["refresh"]?["action"]));

    public static IEnumerable<string> ButtonTitles(JsonObject card) => Actions(card).Select(action => (string?)action["title"] ?? string.Empty);

    /// <summary>What a screen reader names each button: its tooltip when it has one (a button repeated per item), else its title.</summary>
    public static IEnumerable<string> ButtonNames(JsonObject card) => Actions(card).Select(action => (string?)action["tooltip"] ?? (string?)action["title"] ?? string.Empty);

    /// <summary>
    /// The button a person means by <paramref name="title"/>: the one whose tooltip (what a screen reader announces for a
    /// button repeated per item, « Voter : Avis sur… ») or else whose title reads so.
    /// </summary>
    public static JsonObject FindAction(JsonObject card, string title) =>
        Actions(card).SingleOrDefault(action => (string?)action["tooltip"] == title)
        ?? Actions(card).SingleOrDefault(action => (string?)action["title"] == title)
        ?? throw new ShouldAssertException($"No button « {title} » on the card; buttons: {string.Join(", ", ButtonTitles(card))}; tooltips: {string.Join(", ", Actions(card).Select(action => (string?)action["tooltip"]).OfType<string>())}");

    public static JsonObject? FindInput(JsonObject card, string id) =>
        Nodes(card).FirstOrDefault(node => ((string?)node["type"])?.StartsWith("Input.", StringComparison.Ordinal) == true && (string?)node["id"] == id);

    /// <summary>Every input of the card, those inside an Action.ShowCard included.</summary>
    public static IEnumerable<JsonObject> Inputs(JsonObject card) =>
        Nodes(card).Where(node => ((string?)node["type"])?.StartsWith("Input.", StringComparison.Ordinal) == true && node["id"] is not null);

    /// <summary>What Teams sends for an input nobody touched: its value as text (a toggle's valueOff), or an empty text.</summary>
    public static string CurrentValue(JsonObject input) => input["value"] switch
    {
        JsonValue value when value.TryGetValue<string>(out var text) => text,
        JsonValue value => value.ToJsonString(),
        _ when (string?)input["type"] == "Input.Toggle" => (string?)input["valueOff"] ?? "false",
        _ => string.Empty,
    };
}
