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

    private CardTemplate(string name, TemplateNode root)
    {
        Name = name;
        _root = root;
    }

    public string Name { get; }

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
            return new CardTemplate(name, TemplateNode.Compile(document, "$"));
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
}
