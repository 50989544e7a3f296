using System.Text.Json;
using System.Text.Json.Nodes;

namespace BepBot.Tests.Cards;

// Teams' chart elements (Chart.*), checked against the properties Microsoft documents in "Charts in Adaptive Cards"
// (see cards/README.md, "Charts"): the official npm renderer does not know them. The renderer validates each
// chart's fallback instead (WithFallbacks), so a chart reaches it only through this path.
public static class ChartChecks
{
    public const string Prefix = "Chart.";

    private enum Kind { Text, Number, Boolean, TextOrNumber, Object, Any }

    private sealed record Property(Kind Kind, IReadOnlySet<string>? Values = null, Func<JsonNode, string, IEnumerable<string>>? Items = null);

    private static readonly IReadOnlySet<string> Colors = new HashSet<string>(StringComparer.Ordinal)
    {
        "good", "warning", "attention", "neutral",
        "categoricalRed", "categoricalPurple", "categoricalLavender", "categoricalBlue", "categoricalLightBlue", "categoricalTeal", "categoricalGreen", "categoricalLime", "categoricalMarigold",
        "sequential1", "sequential2", "sequential3", "sequential4", "sequential5", "sequential6", "sequential7", "sequential8",
        "divergingBlue", "divergingLightBlue", "divergingCyan", "divergingTeal", "divergingYellow", "divergingPeach", "divergingLightRed", "divergingRed", "divergingMaroon", "divergingGray",
    };

    private static readonly Dictionary<string, Property> Common = new(StringComparer.Ordinal)
    {
        ["type"] = new(Kind.Text),
        ["id"] = new(Kind.Text),
        ["title"] = new(Kind.Text),
        ["colorSet"] = new(Kind.Text, Set("categorical", "sequential", "diverging")),
        ["fallback"] = new(Kind.Any),
        ["grid.area"] = new(Kind.Text),
        ["height"] = new(Kind.Text, Set("auto", "stretch")),
        ["horizontalAlignment"] = new(Kind.Text, Set("Left", "Center", "Right")),
        ["isVisible"] = new(Kind.Boolean),
        ["lang"] = new(Kind.Text),
        ["requires"] = new(Kind.Object),
        ["separator"] = new(Kind.Boolean),
        ["spacing"] = new(Kind.Text, Set("None", "Small", "Default", "Medium", "Large", "ExtraLarge", "Padding")),
        ["targetWidth"] = new(Kind.Text),
    };

    private static readonly Dictionary<string, Property> Axes = new(StringComparer.Ordinal)
    {
        ["color"] = new(Kind.Text, Colors),
        ["xAxisTitle"] = new(Kind.Text),
        ["yAxisTitle"] = new(Kind.Text),
    };

    private static readonly Dictionary<string, Property> LegendValue = new(StringComparer.Ordinal)
    {
        ["color"] = new(Kind.Text, Colors),
        ["legend"] = new(Kind.Text),
        ["value"] = new(Kind.Number),
    };

    private static readonly Dictionary<string, Property> Point = new(StringComparer.Ordinal)
    {
        ["color"] = new(Kind.Text, Colors),
        ["x"] = new(Kind.TextOrNumber),
        ["y"] = new(Kind.Number),
    };

    private static readonly Dictionary<string, Property> Series = new(StringComparer.Ordinal)
    {
        ["color"] = new(Kind.Text, Colors),
        ["legend"] = new(Kind.Text),
        ["values"] = new(Kind.Any, Items: (node, path) => Items(node, path, Point, ["x", "y"])),
    };

    // The documented properties of each chart element, and what each data item may hold ("required" lists what
    // BepBot requires of an item so that no bar or slice comes without its label and figure).
    private static readonly Dictionary<string, Dictionary<string, Property>> Charts = new(StringComparer.Ordinal)
    {
        ["Chart.Donut"] = With(new() { ["data"] = Data(LegendValue, "legend", "value") }),
        ["Chart.Pie"] = With(new() { ["data"] = Data(LegendValue, "legend", "value") }),
        ["Chart.Gauge"] = With(new()
        {
            ["value"] = new(Kind.Number),
            ["min"] = new(Kind.Number),
            ["max"] = new(Kind.Number),
            ["subLabel"] = new(Kind.Text),
            ["showLegend"] = new(Kind.Boolean),
            ["showMinMax"] = new(Kind.Boolean),
            ["valueFormat"] = new(Kind.Text, Set("Percentage", "Fraction", "percentage", "fraction")),
            // The property table names a segment's size "value", the page's own sample and the SDKs "size".
            ["segments"] = Data(new(StringComparer.Ordinal) { ["color"] = new(Kind.Text, Colors), ["legend"] = new(Kind.Text), ["size"] = new(Kind.Number), ["value"] = new(Kind.Number) }, "legend"),
        }),
        ["Chart.VerticalBar"] = With(new() { ["data"] = Data(Point, "x", "y"), ["showBarValues"] = new(Kind.Boolean) }, Axes),
        ["Chart.VerticalBar.Grouped"] = With(new() { ["data"] = Data(Series, "legend", "values"), ["showBarValues"] = new(Kind.Boolean), ["stacked"] = new(Kind.Boolean) }, Axes),
        ["Chart.HorizontalBar"] = With(new() { ["data"] = Data(Point, "x", "y"), ["displayMode"] = new(Kind.Text, Set("AbsoluteWithAxis", "AbsoluteNoAxis", "PartToWhole")) }, Axes),
        ["Chart.HorizontalBar.Stacked"] = With(
            new()
            {
                ["data"] = Data(new(StringComparer.Ordinal) { ["title"] = new(Kind.Text), ["data"] = Data(LegendValue, "legend", "value") }, "title", "data"),
            },
            Axes),
        ["Chart.Line"] = With(new() { ["data"] = Data(Series, "legend", "values") }, Axes),
    };

    public static IReadOnlyCollection<string> Types => Charts.Keys;

    // Every problem of one chart element found at path, as "JSON path: what is wrong".
    public static IReadOnlyList<string> Check(JsonObject chart, string path)
    {
        ArgumentNullException.ThrowIfNull(chart);
        var type = Text(chart["type"]) ?? string.Empty;
        if (!Charts.TryGetValue(type, out var properties))
        {
            return [$"{path}: unknown chart type \"{type}\" (Teams draws {string.Join(", ", Charts.Keys)})"];
        }

        var problems = Properties(chart, path, properties).ToList();
        var required = type == "Chart.Gauge" ? new[] { "title", "value", "segments" } : ["title", "data"];
        problems.AddRange(required.Where(name => chart[name] is null).Select(name => $"{path}: {type} needs \"{name}\""));
        if (chart["fallback"] is not JsonObject fallback)
        {
            problems.Add($"{path}: {type} needs a fallback element (a Table, FactSet or TextBlock with the same figures) for hosts that draw no chart");
        }
        else if ((Text(fallback["type"]) ?? string.Empty).StartsWith(Prefix, StringComparison.Ordinal))
        {
            problems.Add($"{path}.fallback: a chart's fallback must not be another chart: hosts without charts would show nothing");
        }

        return problems;
    }

    // The card as a host without charts shows it: each chart replaced by its fallback (the official renderer validates those).
    public static JsonObject WithFallbacks(JsonObject card)
    {
        ArgumentNullException.ThrowIfNull(card);
        return (JsonObject)Replace(card.DeepClone())!;
    }

    private static JsonNode? Replace(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj when (Text(obj["type"]) ?? string.Empty).StartsWith(Prefix, StringComparison.Ordinal):
                return obj["fallback"] is JsonObject fallback ? Replace(fallback.DeepClone()) : node;
            case JsonObject obj:
                foreach (var key in obj.Select(pair => pair.Key).ToList())
                {
                    obj[key] = Replace(obj[key]?.DeepClone());
                }

                return obj;
            case JsonArray array:
                return new JsonArray([.. array.Select(item => Replace(item?.DeepClone()))]);
            default:
                return node;
        }
    }

    private static IEnumerable<string> Properties(JsonObject element, string path, Dictionary<string, Property> properties)
    {
        foreach (var (name, value) in element)
        {
            if (!properties.TryGetValue(name, out var property))
            {
                yield return $"{path}.{name}: not a documented property here";
                continue;
            }

            foreach (var problem in Value(value, $"{path}.{name}", property))
            {
                yield return problem;
            }
        }
    }

    private static IEnumerable<string> Value(JsonNode? value, string path, Property property)
    {
        var kind = value?.GetValueKind();
        var fits = property.Kind switch
        {
            Kind.Text => kind == JsonValueKind.String,
            Kind.Number => kind == JsonValueKind.Number,
            Kind.Boolean => kind is JsonValueKind.True or JsonValueKind.False,
            Kind.TextOrNumber => kind is JsonValueKind.String or JsonValueKind.Number,
            Kind.Object => kind == JsonValueKind.Object,
            _ => value is not null,
        };
        if (!fits)
        {
            return [$"{path}: expected {property.Kind}, found {value?.ToJsonString() ?? "null"}"];
        }

        if (property.Values is { } allowed && !allowed.Contains(value!.GetValue<string>()))
        {
            return [$"{path}: \"{value.GetValue<string>()}\" is not one of {string.Join(", ", allowed)}"];
        }

        return property.Items?.Invoke(value!, path) ?? [];
    }

    private static IEnumerable<string> Items(JsonNode node, string path, Dictionary<string, Property> properties, string[] required)
    {
        if (node is not JsonArray array || array.Count == 0)
        {
            yield return $"{path}: expected a non-empty array of data points";
            yield break;
        }

        for (var i = 0; i < array.Count; i++)
        {
            if (array[i] is not JsonObject item)
            {
                yield return $"{path}[{i}]: expected an object";
                continue;
            }

            foreach (var problem in Properties(item, $"{path}[{i}]", properties))
            {
                yield return problem;
            }

            foreach (var name in required.Where(name => item[name] is null))
            {
                yield return $"{path}[{i}]: needs \"{name}\"";
            }
        }
    }

    private static Property Data(Dictionary<string, Property> item, params string[] required) =>
        new(Kind.Any, Items: (node, path) => Items(node, path, item, required));

    private static Dictionary<string, Property> With(Dictionary<string, Property> own, Dictionary<string, Property>? shared = null)
    {
        var all = new Dictionary<string, Property>(Common, StringComparer.Ordinal);
        foreach (var (name, property) in (shared ?? []).Concat(own))
        {
            all[name] = property;
        }

        return all;
    }

    private static HashSet<string> Set(params string[] values) => new(values, StringComparer.Ordinal);

    private static string? Text(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;
}
