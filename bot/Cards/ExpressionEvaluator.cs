using System.Text;
using System.Text.Json.Nodes;

namespace BepBot.Cards;

// Evaluates with the semantics of adaptive-expressions 4.x (as used by adaptivecards-templating 2.3.1)
// wherever the official engine returns a normal value, and throws wherever it would substitute
// "${...}", swallow an error into false, or produce something a card cannot show.
internal static class ExpressionEvaluator
{
    private const double JsNumberEpsilon = 2.220446049250313e-16; // JavaScript's Number.EPSILON, not .NET's double.Epsilon

    public static CardValue Evaluate(Expr expression, in Scope scope) => expression switch
    {
        LiteralExpr literal => literal.Value,
        PathExpr path => Present(Resolve(path, scope), path),
        CallExpr call => Call(call, scope),
        _ => throw new InvalidOperationException("unknown expression node"),
    };

    private static CardValue Present(CardValue value, PathExpr path) => value.Kind == CardValueKind.Absent
        ? throw new ExpressionFailure($"missing field '{path.Text}'", path.Text)
        : value;

    // Absent when a property is not there, an index is out of range or the path goes through null.
    private static CardValue Resolve(PathExpr path, in Scope scope)
    {
        JsonNode? current;
        switch (path.Root)
        {
            case PathRoot.Index:
                return scope.Index is { } index ? CardValue.From(index) : CardValue.Absent;
            case PathRoot.Root:
                current = scope.Root;
                break;
            default:
                current = scope.Data;
                break;
        }

        foreach (var segment in path.Segments)
        {
            switch (current, segment)
            {
                case (null, _):
                    return CardValue.Absent;
                case (JsonObject obj, string name):
                    // The official engine takes the first key equal ignoring case (Object.keys order).
                    var found = false;
                    foreach (var property in obj)
                    {
                        if (string.Equals(property.Key, name, StringComparison.OrdinalIgnoreCase))
                        {
                            current = property.Value;
                            found = true;
                            break;
                        }
                    }

                    if (!found)
                    {
                        return CardValue.Absent;
                    }

                    break;
                case (JsonArray array, int index):
                    if (index >= array.Count)
                    {
                        return CardValue.Absent;
                    }

                    current = array[index];
                    break;
                default:
                    var what = segment is int i ? $"[{i}]" : $"'{segment}'";
                    throw new ExpressionFailure(
                        $"'{path.Text}': cannot read {what} of {CardValue.FromNode(current).Describe()}");
            }
        }

        return CardValue.FromNode(current);
    }

    private static CardValue Call(CallExpr call, in Scope scope)
    {
        var args = call.Arguments;
        switch (call.Function)
        {
            case "if":
                return IsLogicTrue(Evaluate(args[0], scope)) ? Evaluate(args[1], scope) : Evaluate(args[2], scope);
            case "&&" or "and":
                foreach (var arg in args)
                {
                    if (!IsLogicTrue(Evaluate(arg, scope)))
                    {
                        return CardValue.From(false);
                    }
                }

                return CardValue.From(true);
            case "||" or "or":
                foreach (var arg in args)
                {
                    if (IsLogicTrue(Evaluate(arg, scope)))
                    {
                        return CardValue.From(true);
                    }
                }

                return CardValue.From(false);
            case "!" or "not":
                return CardValue.From(!IsLogicTrue(Evaluate(args[0], scope)));
            case "exists":
                var existing = PresenceTest(args[0], scope);
                return CardValue.From(existing.Kind is not (CardValueKind.Absent or CardValueKind.Null));
            case "empty":
                return CardValue.From(IsEmpty(PresenceTest(args[0], scope), call));
        }

        var values = new CardValue[args.Count];
        for (var i = 0; i < args.Count; i++)
        {
            values[i] = Evaluate(args[i], scope);
        }

        return call.Function switch
        {
            "==" or "equals" => CardValue.From(CommonEquals(values[0], values[1])),
            "!=" => CardValue.From(!CommonEquals(values[0], values[1])),
            "<" or "<=" or ">" or ">=" => Compare(call, values[0], values[1]),
            "+" => Add(call, values[0], values[1]),
            "-" => CardValue.From(Number(call, values[0]) - Number(call, values[1])),
            "*" => CardValue.From(Number(call, values[0]) * Number(call, values[1])),
            "/" => Divide(call, values[0], values[1]),
            "count" => Count(call, values[0]),
            "concat" => CardValue.From(string.Concat(values.Select(v => Stringify(call, v)))),
            "string" => CardValue.From(ToStringFunction(call, values[0])),
            "length" => CardValue.From(Text(call, values[0]).Length),
            "toUpper" => CardValue.From(JsFormatting.ToUpper(Text(call, values[0]))),
            "toLower" => CardValue.From(JsFormatting.ToLower(Text(call, values[0]))),
            "join" => CardValue.From(Join(call, values)),
            "formatNumber" => CardValue.From(FormatNumber(call, values)),
            _ => throw new InvalidOperationException($"function '{call.Function}' has no evaluator"),
        };
    }

    // exists() and empty() are where a missing field is allowed (the official engine evaluates their
    // argument without substitution, so a missing field is undefined there).
    private static CardValue PresenceTest(Expr argument, in Scope scope) =>
        argument is PathExpr path ? Resolve(path, scope) : Evaluate(argument, scope);

    // AEL's isLogicTrue: booleans are themselves, null is false, anything else (0 and "" included) is true.
    private static bool IsLogicTrue(CardValue value) => value.Kind switch
    {
        CardValueKind.Boolean => value.Boolean,
        CardValueKind.Null or CardValueKind.Absent => false,
        _ => true,
    };

    private static bool IsEmpty(CardValue value, CallExpr call) => value.Kind switch
    {
        CardValueKind.Absent or CardValueKind.Null => true,
        CardValueKind.String => value.Text!.Length == 0,
        CardValueKind.Array => value.Array.Count == 0,
        CardValueKind.Object => value.Object.Count == 0,
        _ => throw TypeError(call, "empty() needs a string, an array or an object", value),
    };

    // FunctionUtils.commonEquals: numbers within Number.EPSILON, arrays element by element, objects deeply.
    private static bool CommonEquals(CardValue a, CardValue b)
    {
        if (a.Kind == CardValueKind.Null || b.Kind == CardValueKind.Null)
        {
            return a.Kind == b.Kind;
        }

        if (a.Kind == CardValueKind.Array && b.Kind == CardValueKind.Array)
        {
            return a.Array.Count == b.Array.Count
                && a.Array.Zip(b.Array).All(pair => CommonEquals(CardValue.FromNode(pair.First), CardValue.FromNode(pair.Second)));
        }

        if (a.Kind == CardValueKind.Object && b.Kind == CardValueKind.Object)
        {
            return StrictDeepEquals(a, b);
        }

        if (a.Kind == CardValueKind.Number && b.Kind == CardValueKind.Number && Math.Abs(a.Number - b.Number) < JsNumberEpsilon)
        {
            return true;
        }

        return a.Kind == b.Kind && a.Kind switch
        {
            CardValueKind.Boolean => a.Boolean == b.Boolean,
            CardValueKind.Number => a.Number == b.Number,
            CardValueKind.String => string.Equals(a.Text, b.Text, StringComparison.Ordinal),
            _ => false, // distinct arrays/objects of different kinds: JavaScript === on references
        };
    }

    // lodash isEqual on plain JSON values.
    private static bool StrictDeepEquals(CardValue a, CardValue b)
    {
        if (a.Kind != b.Kind)
        {
            return false;
        }

        switch (a.Kind)
        {
            case CardValueKind.Array:
                return a.Array.Count == b.Array.Count
                    && a.Array.Zip(b.Array).All(pair => StrictDeepEquals(CardValue.FromNode(pair.First), CardValue.FromNode(pair.Second)));
            case CardValueKind.Object:
                if (a.Object.Count != b.Object.Count)
                {
                    return false;
                }

                foreach (var property in a.Object)
                {
                    if (!b.Object.TryGetPropertyValue(property.Key, out var other)
                        || !StrictDeepEquals(CardValue.FromNode(property.Value), CardValue.FromNode(other)))
                    {
                        return false;
                    }
                }

                return true;
            case CardValueKind.Boolean:
                return a.Boolean == b.Boolean;
            case CardValueKind.Number:
                return a.Number == b.Number;
            case CardValueKind.String:
                return string.Equals(a.Text, b.Text, StringComparison.Ordinal);
            default:
                return true;
        }
    }

    private static CardValue Compare(CallExpr call, CardValue a, CardValue b)
    {
        int order;
        if (a.Kind == CardValueKind.Number && b.Kind == CardValueKind.Number)
        {
            order = a.Number.CompareTo(b.Number);
        }
        else if (a.Kind == CardValueKind.String && b.Kind == CardValueKind.String)
        {
            order = string.CompareOrdinal(a.Text, b.Text); // JavaScript compares UTF-16 code units
        }
        else
        {
            throw new ExpressionFailure($"'{call.Text}': {a.Describe()} and {b.Describe()} cannot be compared (two numbers or two strings)");
        }

        return CardValue.From(call.Function switch
        {
            "<" => order < 0,
            "<=" => order <= 0,
            ">" => order > 0,
            _ => order >= 0,
        });
    }

    // AEL add: two numbers add; otherwise strings (and numbers) concatenate; null or booleans are errors.
    private static CardValue Add(CallExpr call, CardValue a, CardValue b)
    {
        if (a.Kind == CardValueKind.Number && b.Kind == CardValueKind.Number)
        {
            return CardValue.From(a.Number + b.Number);
        }

        if (a.Kind is not (CardValueKind.Number or CardValueKind.String) || b.Kind is not (CardValueKind.Number or CardValueKind.String))
        {
            throw new ExpressionFailure($"'{call.Text}': + needs numbers or strings, not {a.Describe()} and {b.Describe()}");
        }

        return CardValue.From(Stringify(call, a) + Stringify(call, b));
    }

    private static CardValue Divide(CallExpr call, CardValue a, CardValue b)
    {
        var dividend = Number(call, a);
        var divisor = Number(call, b);
        if (divisor == 0)
        {
            throw new ExpressionFailure($"'{call.Text}': division by zero");
        }

        var result = dividend / divisor;
        // AEL divides integers as integers (floor), whatever the literal looked like (7.0 / 2 == 3).
        return CardValue.From(IsInteger(dividend) && IsInteger(divisor) ? Math.Floor(result) : result);
    }

    private static bool IsInteger(double value) => double.IsFinite(value) && Math.Floor(value) == value;

    private static CardValue Count(CallExpr call, CardValue value) => value.Kind switch
    {
        CardValueKind.String => CardValue.From(value.Text!.Length),
        CardValueKind.Array => CardValue.From(value.Array.Count),
        CardValueKind.Object => CardValue.From(value.Object.Count),
        _ => throw TypeError(call, "count() needs a string, an array or an object", value),
    };

    private static double Number(CallExpr call, CardValue value) => value.Kind == CardValueKind.Number
        ? value.Number
        : throw TypeError(call, "a number is needed", value);

    private static string Text(CallExpr call, CardValue value) => value.Kind == CardValueKind.String
        ? value.Text!
        : throw TypeError(call, "a string is needed", value);

    // JavaScript's String(x) for the scalar values a card can show.
    public static string Stringify(Expr context, CardValue value) => value.Kind switch
    {
        CardValueKind.String => value.Text!,
        CardValueKind.Number => JsFormatting.NumberToString(value.Number),
        CardValueKind.Boolean => value.Boolean ? "true" : "false",
        _ => throw TypeError(context, "only a string, a number or a boolean can be put in text (use join() for arrays)", value),
    };

    // AEL string(): numbers through d3-format ",.Nf" (N = decimals of the JavaScript representation), null is "".
    private static string ToStringFunction(CallExpr call, CardValue value)
    {
        switch (value.Kind)
        {
            case CardValueKind.Null:
                return "";
            case CardValueKind.Number:
                var text = JsFormatting.NumberToString(value.Number);
                var dot = text.IndexOf('.', StringComparison.Ordinal);
                var decimals = dot >= 0 ? text.Length - dot - 1 : 0;
                return JsFormatting.FormatFixedGrouped(value.Number, decimals, NumberLocale.EnglishUs);
            default:
                return Stringify(call, value);
        }
    }

    private static string Join(CallExpr call, CardValue[] values)
    {
        if (values[0].Kind != CardValueKind.Array)
        {
            throw TypeError(call, "join() needs an array first", values[0]);
        }

        var separator = Text(call, values[1]);
        var items = values[0].Array.Select(item => item is null ? "" : Stringify(call, CardValue.FromNode(item))).ToList();
        if (values.Length == 2)
        {
            return string.Join(separator, items);
        }

        // join(list, ', ', ' et '): the last separator goes between the last two items.
        var last = Text(call, values[2]);
        if (items.Count >= 3 && values[0].Array[^1] is null)
        {
            // The official engine appends the last item with String.concat, which prints null as "null".
            throw new ExpressionFailure($"'{call.Text}': the last item is null");
        }

        return items.Count < 3
            ? string.Join(last, items)
            : new StringBuilder(string.Join(separator, items.Take(items.Count - 1))).Append(last).Append(items[^1]).ToString();
    }

    private static string FormatNumber(CallExpr call, CardValue[] values)
    {
        var number = Number(call, values[0]);
        var precision = Number(call, values[1]);
        if (!IsInteger(precision) || precision < 0 || precision > 20)
        {
            throw new ExpressionFailure($"'{call.Text}': the number of decimals must be a whole number from 0 to 20");
        }

        var locale = values.Length == 3 ? NumberLocale.Find(values[2].Text!)! : NumberLocale.EnglishUs;
        var factor = Math.Pow(10, precision);
        var rounded = JsFormatting.Round(number * factor) / factor; // AEL rounds first, then d3 formats
        return JsFormatting.FormatFixedGrouped(rounded, (int)precision, locale);
    }

    private static ExpressionFailure TypeError(Expr call, string need, CardValue got) =>
        new($"'{call.Text}': {need}, not {got.Describe()}");
}
