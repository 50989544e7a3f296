using System.Text.Json;
using System.Text.Json.Nodes;

namespace BepBot.Tests.Cards;

// What an accessibility audit (WCAG 2.1 AA) of a card looks for and a machine can see, on a template and on the card
// it expands to. Each method returns the problems found as "JSON path: what is wrong"; empty when the card is fine.
public static class AccessibilityChecks
{
    // A button's title does not wrap in Teams: longer than this, it is cut in the 320 px chat column. Buttons of one
    // row (an ActionSet, the card's actions) share it: their titles, plus what each button's margins take, fit it too.
    public const int MaxButtonTitle = 32;

    private const int ButtonMargins = 5;

    private static readonly HashSet<string> LargeSizes = new(StringComparer.OrdinalIgnoreCase) { "Large", "ExtraLarge" };

    // On a template: what its author must have written whatever the data.
    public static IReadOnlyList<string> Template(JsonObject template)
    {
        ArgumentNullException.ThrowIfNull(template);
        var problems = MissingTexts(template, "missing (hosts that cannot draw the card show fallbackText; speak is what is read aloud)");

        if (template["body"] is JsonArray body && body.Count > 0 && body[0] is JsonObject first && IsBolderText(first) && first["$when"] is null && !IsHeading(first))
        {
            problems.Add("$.body[0]: the card starts with a title: it needs \"style\": \"heading\"");
        }

        foreach (var (element, path, repeated) in Elements(template, "$", repeated: false))
        {
            var type = TextOf(element["type"]) ?? string.Empty;
            if (type == "TextBlock" && LargeSizes.Contains(TextOf(element["size"]) ?? string.Empty) && !IsHeading(element))
            {
                problems.Add($"{path}: a large title needs \"style\": \"heading\"");
            }

            // A table's header cells are headers already (firstRowAsHeader): only sections need the heading style.
            if (type != "TableCell" && element["items"] is JsonArray items && items.Count > 1 && items[0] is JsonObject head && IsBolderText(head) && !IsHeading(head))
            {
                problems.Add($"{path}.items[0]: the bold title of a section needs \"style\": \"heading\"");
            }

            if (type.StartsWith("Action.", StringComparison.Ordinal) && repeated && !NamesItsItem(element))
            {
                problems.Add($"{path}: a button repeated per item needs a \"tooltip\" naming the item (its title is the same for every item)");
            }

            if (type.StartsWith("Input.", StringComparison.Ordinal) && element["isRequired"] is JsonValue required && required.GetValueKind() == JsonValueKind.True)
            {
                var error = TextOf(element["errorMessage"]);
                if (string.IsNullOrWhiteSpace(error) || error == TextOf(element["label"]))
                {
                    problems.Add($"{path}: a required input needs an errorMessage that says what to do, not its label again");
                }
            }

            if (type == "Input.ChoiceSet" && TextOf(element["style"]) == "expanded" && (element["wrap"] is not JsonValue wrap || wrap.GetValueKind() != JsonValueKind.True))
            {
                problems.Add($"{path}: expanded choices need \"wrap\": true (long choices are cut in a 320 px column)");
            }
        }

        return problems;
    }

    // On a card expanded with data: what the reader gets.
    public static IReadOnlyList<string> Expanded(JsonObject card)
    {
        ArgumentNullException.ThrowIfNull(card);
        var problems = MissingTexts(card, "empty once expanded");

        var buttons = Elements(card, "$", repeated: false)
            .Where(entry => (TextOf(entry.Element["type"]) ?? string.Empty).StartsWith("Action.", StringComparison.Ordinal))
            .ToList();
        foreach (var (button, path, _) in buttons)
        {
            if ((TextOf(button["title"]) ?? string.Empty).Length > MaxButtonTitle)
            {
                problems.Add($"{path}: the button « {TextOf(button["title"])} » is longer than {MaxButtonTitle} characters: cut in a 320 px column (shorten it; put the rest in its tooltip)");
            }
        }

        foreach (var (row, path, _) in Elements(card, "$", repeated: false).Where(entry => entry.Element["actions"] is JsonArray { Count: > 1 }))
        {
            var titles = row["actions"]!.AsArray().OfType<JsonObject>().Select(action => TextOf(action["title"]) ?? string.Empty).ToList();
            if (titles.Sum(title => title.Length) + (ButtonMargins * (titles.Count - 1)) > MaxButtonTitle)
            {
                problems.Add($"{path}.actions: « {string.Join(" », « ", titles)} » side by side are cut in a 320 px column: one button per row (an ActionSet each), or shorter titles");
            }
        }

        foreach (var group in buttons.Where(entry => TextOf(entry.Element["verb"]) is not null).GroupBy(entry => TextOf(entry.Element["verb"]), StringComparer.Ordinal))
        {
            foreach (var same in group.GroupBy(entry => AccessibleName(entry.Element), StringComparer.Ordinal).Where(same => same.Count() > 1))
            {
                problems.Add($"{string.Join(", ", same.Select(entry => entry.Path))}: {same.Count()} « {group.Key} » buttons read « {same.Key} » to a screen reader: each must name its item (tooltip)");
            }
        }

        return problems;
    }

    private static readonly string[] CardTexts = ["fallbackText", "speak"];

    private static List<string> MissingTexts(JsonObject card, string problem) =>
        [.. CardTexts.Where(property => string.IsNullOrWhiteSpace(TextOf(card[property]))).Select(property => $"$.{property}: {problem}")];

    // What a screen reader announces for a button: its title, then its tooltip.
    public static string AccessibleName(JsonObject action) =>
        string.Join(" — ", new[] { TextOf(action["title"]), TextOf(action["tooltip"]) }.Where(text => !string.IsNullOrEmpty(text)));

    private static bool NamesItsItem(JsonObject action)
    {
        var title = TextOf(action["title"]) ?? string.Empty;
        var titleFromItem = title.Contains("${", StringComparison.Ordinal) && !title.Contains("${$root.", StringComparison.Ordinal);
        var tooltip = TextOf(action["tooltip"]) ?? string.Empty;
        return tooltip.Contains("${", StringComparison.Ordinal) || (titleFromItem && !title.EndsWith("Title}", StringComparison.Ordinal));
    }

    private static bool IsBolderText(JsonObject element) =>
        TextOf(element["type"]) == "TextBlock" && string.Equals(TextOf(element["weight"]), "Bolder", StringComparison.OrdinalIgnoreCase);

    private static bool IsHeading(JsonObject element) => TextOf(element["style"]) == "heading";

    // Every object of the card with its JSON path, and whether it sits in (or is) an element repeated over a list.
    private static IEnumerable<(JsonObject Element, string Path, bool Repeated)> Elements(JsonNode? node, string path, bool repeated)
    {
        switch (node)
        {
            case JsonObject obj:
                var here = repeated || obj["$data"] is JsonValue;
                yield return (obj, path, here);
                foreach (var (key, value) in obj)
                {
                    foreach (var child in Elements(value, $"{path}.{key}", here))
                    {
                        yield return child;
                    }
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    foreach (var child in Elements(array[i], $"{path}[{i}]", repeated))
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
