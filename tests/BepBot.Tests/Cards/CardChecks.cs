using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace BepBot.Tests.Cards;

// Checks on expanded cards that the official renderer (tests/node/validate-cards.js) does not make, Teams' charts included.
public static partial class CardChecks
{
    [GeneratedRegex(@"^[a-z]+\.[a-z][a-zA-Z]*$")]
    public static partial Regex VerbPattern();

    // Every problem found, as "JSON path: what is wrong"; empty when the card is fine.
    public static IReadOnlyList<string> Check(JsonObject card)
    {
        ArgumentNullException.ThrowIfNull(card);
        var problems = new List<string>();
        if (TextOf(card["type"]) != "AdaptiveCard")
        {
            problems.Add("$.type: must be \"AdaptiveCard\"");
        }

        if (card["version"] is null)
        {
            problems.Add("$.version: missing (Teams needs it; BepBot cards are \"1.5\")");
        }
        else if (TextOf(card["version"]) != "1.5")
        {
            problems.Add($"$.version: must be \"1.5\", not {card["version"]!.ToJsonString()}");
        }

        foreach (var (element, path) in Elements(card, "$"))
        {
            var type = TextOf(element["type"]) ?? "";
            if (type.StartsWith("Input.", StringComparison.Ordinal) && string.IsNullOrWhiteSpace(TextOf(element["label"])))
            {
                problems.Add($"{path}: {type} needs a non-empty label (accessibility; Teams shows it)");
            }

            if (type == "Action.Execute")
            {
                var verb = TextOf(element["verb"]);
                if (string.IsNullOrEmpty(verb))
                {
                    problems.Add($"{path}: Action.Execute needs a verb");
                }
                else if (!VerbPattern().IsMatch(verb))
                {
                    problems.Add($"{path}: verb \"{verb}\" must read <feature>.<action>, e.g. votes.cast");
                }
            }

            if (type.StartsWith(ChartChecks.Prefix, StringComparison.Ordinal))
            {
                problems.AddRange(ChartChecks.Check(element, path));
            }

            if (type == "Action.Submit")
            {
                problems.Add($"{path}: BepBot buttons are Action.Execute with a verb, not Action.Submit");
            }
        }

        return problems;
    }

    // The verbs of every Action.Execute in a card, wherever it is (actions, ActionSet, selectAction, ShowCard).
    public static IReadOnlySet<string> Verbs(JsonNode card) =>
        Elements(card, "$")
            .Where(e => TextOf(e.Element["type"]) == "Action.Execute" && TextOf(e.Element["verb"]) is not null)
            .Select(e => TextOf(e.Element["verb"])!)
            .ToHashSet(StringComparer.Ordinal);

    // Every verb of every card template, each expanded with its sample data: the bot must route them all.
    public static IReadOnlySet<string> AllVerbs() =>
        CardSample.Cards()
            .SelectMany(sample => Verbs(sample.Expand()))
            .ToHashSet(StringComparer.Ordinal);

    private static IEnumerable<(JsonObject Element, string Path)> Elements(JsonNode? node, string path)
    {
        switch (node)
        {
            case JsonObject obj:
                yield return (obj, path);
                foreach (var (key, value) in obj)
                {
                    foreach (var child in Elements(value, $"{path}.{key}"))
                    {
                        yield return child;
                    }
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    foreach (var child in Elements(array[i], $"{path}[{i}]"))
                    {
                        yield return child;
                    }
                }

                break;
        }
    }

    private static string? TextOf(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;
}
