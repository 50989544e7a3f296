using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace BepBot.Cards;

// A template compiled at Parse time. Expand mirrors Template.internalExpand of adaptivecards-templating:
// a null result is dropped from arrays and kept as null in objects, an array result is spliced into
// the enclosing array, an object repeated over several $data items becomes an array.
internal abstract partial class TemplateNode(string jsonPath)
{
    public string JsonPath { get; } = jsonPath;

    public abstract JsonNode? Expand(string templateName, in Scope scope);

    public static TemplateNode Compile(JsonNode? node, string path) => node switch
    {
        JsonObject obj => ObjectNode.Compile(obj, path),
        JsonArray array => new ArrayNode(path, [.. array.Select((item, i) => Compile(item, $"{path}[{i}]"))]),
        JsonValue value when value.GetValueKind() == System.Text.Json.JsonValueKind.String => CompileString(value.GetValue<string>(), path),
        _ => new LiteralNode(path, node),
    };

    private static TemplateNode CompileString(string text, string path)
    {
        if (!text.Contains("${", StringComparison.Ordinal))
        {
            return new LiteralNode(path, JsonValue.Create(text));
        }

        var pieces = ParseAt(path, text, () => ExpressionParser.ParseTemplateString(text));
        // Exactly one ${...} and nothing else keeps the bound value's JSON type, unless it is a lone literal:
        // the official engine keeps "${42}" as the string "42" (its single child is a Constant).
        return pieces is [ExpressionPiece { Expression: not LiteralExpr } single]
            ? new ExpressionNode(path, single)
            : new InterpolationNode(path, pieces);
    }

    // Parse errors carry no template name yet: CardTemplate.Parse adds it.
    protected static T ParseAt<T>(string path, string expression, Func<T> parse)
    {
        try
        {
            return parse();
        }
        catch (ExpressionSyntaxError error)
        {
            throw new TemplateSyntaxException(path, expression, error.Message, error);
        }
    }

    protected CardTemplateException Failure(string templateName, string expression, ExpressionFailure failure) =>
        new(templateName, JsonPath, expression, failure.Message, failure);

    public static string PropertyPath(string parent, string key) =>
        PlainKey().IsMatch(key) ? $"{parent}.{key}" : $"{parent}['{key.Replace("'", "\\'", StringComparison.Ordinal)}']";

    [GeneratedRegex("^[A-Za-z_$][A-Za-z0-9_$]*$")]
    private static partial Regex PlainKey();
}
