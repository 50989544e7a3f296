using System.Text.Json;
using System.Text.Json.Nodes;

namespace BepBot.Cards;

// An Adaptive Card template in the language of adaptivecards-templating 2.3.1, restricted to what
// BepBot needs (the .NET AdaptiveCards.Templating package is not served here). Wherever Expand returns,
// its output equals the official engine's; where the official engine would leave "${...}" in the card or
// silently swallow an error, Expand throws instead.
public sealed class CardTemplate
{
    private static readonly JsonDocumentOptions StrictJson = new() { AllowDuplicateProperties = false };

    private readonly TemplateNode _root;

    private CardTemplate(string name, TemplateNode root, IReadOnlyDictionary<string, IReadOnlySet<string>> inputsByVerb)
    {
        Name = name;
        _root = root;
        InputsByVerb = inputsByVerb;
    }

    public string Name { get; }

    /// <summary>
    /// For each Action.Execute verb of the card, the ids of the inputs a click on it brings along: Teams merges every
    /// input's current value into the button's data, unless the button says <c>"associatedInputs": "none"</c>. Ids
    /// written as an expression (<c>${id}</c>) are not listed: their handler reads them by name.
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlySet<string>> InputsByVerb { get; }

    // Parses and validates every ${...}, $data and $when now, so that a bad template fails at load time.
    public static CardTemplate Parse(string name, string json)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(json);
        JsonNode? document;
        try
        {
            document = JsonNode.Parse(json, documentOptions: StrictJson);
        }
        catch (JsonException error)
        {
            throw new CardTemplateException(name, null, null, $"invalid JSON: {error.Message}", error);
        }
        catch (ArgumentException error)
        {
            throw new CardTemplateException(name, null, null, $"invalid JSON: {error.Message}", error);
        }

        if (document is not JsonObject)
        {
            throw new CardTemplateException(name, "$", null, "a card template must be a JSON object");
        }

        try
        {
            return new CardTemplate(name, TemplateNode.Compile(document, "$"), InputsOf(document));
        }
        catch (TemplateSyntaxException error)
        {
            throw new CardTemplateException(name, error.JsonPath, error.Expression, error.Message, error);
        }
    }

    // Binding is single pass: a "${...}" inside a bound value is output as text, never evaluated.
    public JsonObject Expand(JsonNode? data)
    {
        // Re-read as plain JSON: values built from CLR objects (JsonValue<DateTime>, ...) read like parsed ones.
        var root = data is null ? null : JsonNode.Parse(data.ToJsonString());
        var expanded = _root.Expand(Name, new Scope(root, root, null));
        return expanded as JsonObject
            ?? throw new CardTemplateException(Name, "$", null,
                expanded is null
                    ? "the card expanded to nothing ($when false at the root)"
                    : "the card expanded to an array ($data array at the root)");
    }

    private static Dictionary<string, IReadOnlySet<string>> InputsOf(JsonNode document)
    {
        var nodes = Descendants(document).ToList();
        IReadOnlySet<string> inputs = nodes
            .Where(node => Text(node["type"])?.StartsWith("Input.", StringComparison.Ordinal) == true)
            .Select(node => Text(node["id"]))
            .OfType<string>()
            .Where(id => !id.Contains("${", StringComparison.Ordinal))
            .ToHashSet(StringComparer.Ordinal);
        var byVerb = new Dictionary<string, IReadOnlySet<string>>(StringComparer.Ordinal);
        foreach (var action in nodes.Where(node => Text(node["type"]) == "Action.Execute"))
        {
            if (Text(action["verb"]) is { } verb && !string.Equals(Text(action["associatedInputs"]), "none", StringComparison.OrdinalIgnoreCase))
            {
                byVerb[verb] = byVerb.TryGetValue(verb, out var known) ? known.Union(inputs, StringComparer.Ordinal).ToHashSet(StringComparer.Ordinal) : inputs;
            }
        }

        return byVerb;
    }

    private static string? Text(JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    private static IEnumerable<JsonObject> Descendants(JsonNode? node) => node switch
    {
        JsonObject obj => [obj, .. obj.SelectMany(property => Descendants(property.Value))],
        JsonArray array => array.SelectMany(Descendants),
        _ => [],
    };
}
