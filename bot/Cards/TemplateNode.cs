using System.Text;
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

internal sealed class TemplateSyntaxException(string jsonPath, string expression, string message, Exception inner)
    : Exception(message, inner)
{
    public string JsonPath { get; } = jsonPath;
    public string Expression { get; } = expression;
}

internal sealed class LiteralNode(string path, JsonNode? value) : TemplateNode(path)
{
    public override JsonNode? Expand(string templateName, in Scope scope) => value?.DeepClone();
}

// "${expr}": the value keeps its JSON type (number, boolean, object, array).
internal sealed class ExpressionNode(string path, ExpressionPiece piece) : TemplateNode(path)
{
    public override JsonNode? Expand(string templateName, in Scope scope)
    {
        try
        {
            var value = ExpressionEvaluator.Evaluate(piece.Expression, scope);
            return value.Kind == CardValueKind.Null
                ? throw new ExpressionFailure("the value is null (the official engine would output null here)")
                : value.ToNode();
        }
        catch (ExpressionFailure failure)
        {
            throw Failure(templateName, piece.Source, failure);
        }
    }
}

// "Bonjour ${name}, ...": always a string.
internal sealed class InterpolationNode(string path, IReadOnlyList<object> pieces) : TemplateNode(path)
{
    public override JsonNode? Expand(string templateName, in Scope scope)
    {
        var text = new StringBuilder();
        foreach (var piece in pieces)
        {
            if (piece is ExpressionPiece expression)
            {
                try
                {
                    text.Append(ExpressionEvaluator.Stringify(expression.Expression, ExpressionEvaluator.Evaluate(expression.Expression, scope)));
                }
                catch (ExpressionFailure failure)
                {
                    throw Failure(templateName, expression.Source, failure);
                }
            }
            else
            {
                text.Append((string)piece);
            }
        }

        return JsonValue.Create(text.ToString());
    }
}

internal sealed class ArrayNode(string path, IReadOnlyList<TemplateNode> items) : TemplateNode(path)
{
    public override JsonNode? Expand(string templateName, in Scope scope)
    {
        var result = new JsonArray();
        foreach (var item in items)
        {
            switch (item.Expand(templateName, scope))
            {
                case null:
                    break; // dropped by $when, an empty $data, or a literal null
                case JsonArray repeated:
                    var elements = repeated.ToList();
                    repeated.Clear();
                    foreach (var element in elements)
                    {
                        result.Add(element);
                    }

                    break;
                case var single:
                    result.Add(single);
                    break;
            }
        }

        return result;
    }
}

internal sealed class ObjectNode : TemplateNode
{
    private static readonly string[] RefusedReservedKeys = ["$root", "$index", "$host", "$_acTemplateVersion"];

    private readonly IReadOnlyList<KeyValuePair<string, TemplateNode>> _properties;
    private readonly ExpressionPiece? _dataExpression;
    private readonly JsonNode? _dataLiteral;
    private readonly ExpressionPiece? _when;

    private ObjectNode(string path, IReadOnlyList<KeyValuePair<string, TemplateNode>> properties,
        ExpressionPiece? dataExpression, JsonNode? dataLiteral, ExpressionPiece? when)
        : base(path)
    {
        _properties = properties;
        _dataExpression = dataExpression;
        _dataLiteral = dataLiteral;
        _when = when;
    }

    public static ObjectNode Compile(JsonObject obj, string path)
    {
        var properties = new List<KeyValuePair<string, TemplateNode>>();
        ExpressionPiece? dataExpression = null;
        JsonNode? dataLiteral = null;
        ExpressionPiece? when = null;
        foreach (var (key, value) in obj)
        {
            var childPath = PropertyPath(path, key);
            if (key.Contains("${", StringComparison.Ordinal))
            {
                throw new TemplateSyntaxException(childPath, key, "expressions in property names are not supported", new ExpressionSyntaxError(key));
            }

            switch (key)
            {
                case "$data":
                    if (value is JsonArray or JsonObject)
                    {
                        RefuseExpressions(value, childPath);
                        dataLiteral = value;
                    }
                    else
                    {
                        dataExpression = SingleExpression(value, childPath, "$data must be one ${...} expression or a literal array or object");
                    }

                    break;
                case "$when":
                    when = SingleExpression(value, childPath, "$when must be one ${...} expression, e.g. \"${count(items) > 0}\"");
                    break;
                case var reserved when RefusedReservedKeys.Contains(reserved):
                    throw new TemplateSyntaxException(childPath, key, $"the reserved property {key} is not supported", new ExpressionSyntaxError(key));
                default:
                    properties.Add(new(key, TemplateNode.Compile(value, childPath)));
                    break;
            }
        }

        return new ObjectNode(path, properties, dataExpression, dataLiteral, when);
    }

    private static ExpressionPiece SingleExpression(JsonNode? value, string path, string rule)
    {
        var text = value is JsonValue v && v.GetValueKind() == System.Text.Json.JsonValueKind.String ? v.GetValue<string>() : null;
        if (text is null || !text.Contains("${", StringComparison.Ordinal))
        {
            throw new TemplateSyntaxException(path, value?.ToJsonString() ?? "null", rule, new ExpressionSyntaxError(rule));
        }

        var pieces = ParseAt(path, text, () => ExpressionParser.ParseTemplateString(text));
        if (pieces is not [ExpressionPiece single])
        {
            throw new TemplateSyntaxException(path, text, rule, new ExpressionSyntaxError(rule));
        }

        // The official engine turns a lone literal into a string: "${true}" is "true", so $when drops the element.
        return single.Expression is LiteralExpr
            ? throw new TemplateSyntaxException(path, text,
                "a lone literal such as ${true} is a string for the official engine; bind a data field or write an expression",
                new ExpressionSyntaxError(text))
            : single;
    }

    // The official engine would leave ${...} inside a literal $data unevaluated.
    private static void RefuseExpressions(JsonNode? node, string path)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, value) in obj)
                {
                    RefuseExpressions(JsonValue.Create(key), path);
                    RefuseExpressions(value, PropertyPath(path, key));
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    RefuseExpressions(array[i], $"{path}[{i}]");
                }

                break;
            case JsonValue value when value.GetValueKind() == System.Text.Json.JsonValueKind.String
                                      && value.GetValue<string>().Contains("${", StringComparison.Ordinal):
                throw new TemplateSyntaxException(path, value.GetValue<string>(),
                    "expressions inside a literal $data are not supported", new ExpressionSyntaxError(path));
        }
    }

    public override JsonNode? Expand(string templateName, in Scope scope)
    {
        var contexts = DataContexts(templateName, scope);
        var results = new List<JsonObject>(contexts.Count);
        foreach (var context in contexts)
        {
            if (_when is not null && !EvaluateWhen(templateName, context))
            {
                continue;
            }

            var obj = new JsonObject();
            foreach (var (key, value) in _properties)
            {
                obj[key] = value.Expand(templateName, context);
            }

            results.Add(obj);
        }

        return results.Count switch
        {
            0 => null,
            1 => results[0],
            _ => new JsonArray([.. results]),
        };
    }

    private List<Scope> DataContexts(string templateName, in Scope scope)
    {
        if (_dataExpression is null && _dataLiteral is null)
        {
            return [scope];
        }

        CardValue data;
        if (_dataExpression is not null)
        {
            try
            {
                data = ExpressionEvaluator.Evaluate(_dataExpression.Expression, scope);
            }
            catch (ExpressionFailure failure)
            {
                throw new CardTemplateException(templateName, PropertyPath(JsonPath, "$data"), _dataExpression.Source, failure.Message, failure);
            }

            if (data.Kind == CardValueKind.Null)
            {
                throw new CardTemplateException(templateName, PropertyPath(JsonPath, "$data"), _dataExpression.Source,
                    "$data is null (use an empty array, or guard a parent element with $when)");
            }
        }
        else
        {
            data = CardValue.FromNode(_dataLiteral);
        }

        if (data.Kind == CardValueKind.Array)
        {
            var root = scope.Root;
            return [.. data.Array.Select((item, i) => new Scope(root, item, i))];
        }

        return [scope with { Data = data.Kind == CardValueKind.Object ? data.Node : data.ToNode() }];
    }

    // Evaluated in the element's own $data scope (after $data), like the official engine.
    private bool EvaluateWhen(string templateName, in Scope scope)
    {
        try
        {
            var value = ExpressionEvaluator.Evaluate(_when!.Expression, scope);
            return value.Kind == CardValueKind.Boolean
                ? value.Boolean
                : throw new ExpressionFailure($"$when must be true or false, not {value.Describe()} (the official engine drops the element)");
        }
        catch (ExpressionFailure failure)
        {
            throw new CardTemplateException(templateName, PropertyPath(JsonPath, "$when"), _when!.Source, failure.Message, failure);
        }
    }
}
