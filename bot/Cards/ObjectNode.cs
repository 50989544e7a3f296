using System.Text.Json.Nodes;

namespace BepBot.Cards;

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
