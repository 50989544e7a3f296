using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using BepBot.Cards;

namespace BepBot.Tests.Cards;

// Our binder against the official engine (adaptivecards-templating 2.3.1, tests/node/expand-official.js):
// every card with its sample, every Cases/*.template.json, generated number and casing cases.
// Node runs once, for all of them.
public sealed class OfficialEngineCrossCheckTests
{
    private sealed record CrossCheckCase(string Name, JsonNode Template, JsonNode? Data, JsonNode? OfficialOutput = null, bool OfficialThrows = false);

    private static readonly Lazy<Dictionary<string, CrossCheckCase>> Cases = new(() =>
        SampleCases().Concat(GeneratedCases()).Concat(DivergenceCases()).ToDictionary(c => c.Name, StringComparer.Ordinal));

    private static readonly Lazy<Dictionary<string, JsonObject>> Official = new(RunOfficialEngine);

    public static TheoryData<string> AgreementCaseNames() =>
        [.. Cases.Value.Keys.Where(name => !name.StartsWith("divergence:", StringComparison.Ordinal))];

    public static TheoryData<string> DivergenceCaseNames() =>
        [.. Cases.Value.Keys.Where(name => name.StartsWith("divergence:", StringComparison.Ordinal))];

    [Theory]
    [MemberData(nameof(AgreementCaseNames))]
    public void Expand_CardOrCase_EqualsOfficialEngineOutput(string name)
    {
        var testCase = Cases.Value[name];
        var official = Official.Value[name];
        official["error"].ShouldBeNull($"the official engine failed on {name}");

        var ours = CardTemplate.Parse(name, testCase.Template.ToJsonString()).Expand(testCase.Data);

        JsonNode.DeepEquals(ours, official["output"]).ShouldBeTrue(
            $"{name}\n ours:     {CardJson.Show(ours)}\n official: {CardJson.Show(official["output"])}");
    }

    // The cases where the official engine leaves "${...}", outputs null, guesses or swallows an error:
    // the official output is what the comment in each case says, and our binder refuses instead.
    [Theory]
    [MemberData(nameof(DivergenceCaseNames))]
    public void Expand_WhereOfficialEngineLeavesPlaceholderOrGuesses_Throws(string name)
    {
        var testCase = Cases.Value[name];
        var official = Official.Value[name];

        if (testCase.OfficialThrows)
        {
            official["error"].ShouldNotBeNull();
        }
        else
        {
            official["error"].ShouldBeNull();
            JsonNode.DeepEquals(official["output"], testCase.OfficialOutput).ShouldBeTrue(
                $"official engine now gives {CardJson.Show(official["output"])}");
        }

        Should.Throw<CardTemplateException>(() =>
            CardTemplate.Parse(name, testCase.Template.ToJsonString()).Expand(testCase.Data));
    }

    private static Dictionary<string, JsonObject> RunOfficialEngine()
    {
        var input = new JsonArray([.. Cases.Value.Values.Select(c => new JsonObject
        {
            ["name"] = c.Name,
            ["template"] = c.Template.DeepClone(),
            ["data"] = c.Data?.DeepClone(),
        })]);
        return NodeScript.Run("expand-official.js", input)
            .Select(result => result!.AsObject())
            .ToDictionary(result => result["name"]!.GetValue<string>(), StringComparer.Ordinal);
    }

    private static IEnumerable<CrossCheckCase> SampleCases() =>
        CardSample.Cards().Concat(CardSample.Cases()).Select(sample => new CrossCheckCase(
            sample.Name, JsonNode.Parse(sample.TemplateJson)!, sample.Data));

    private static IEnumerable<CrossCheckCase> GeneratedCases()
    {
        // Numbers: JavaScript's toString in text, d3-format in string() and formatNumber().
        var random = new Random(20260312);
        var values = new List<double> { 0, 1, -1, 0.1, 0.2, 0.5, 1.5, 2.5, -2.5, 1.005, 0.125, 1 / 3.0, 2 / 3.0, 123456789.125, 1e-6, 1e-7, 1.5e-7, 1e15, 1e16, 123e18, 999999.995, 5e-324 };
        for (var i = 0; i < 150; i++)
        {
            var value = Math.Round(random.NextDouble(), random.Next(0, 16)) * Math.Pow(10, random.Next(-8, 20));
            values.Add(random.Next(2) == 0 ? value : -value);
        }

        yield return new CrossCheckCase(
            "generated:numbers",
            JsonNode.Parse("""
                { "items": [ { "$data": "${values}", "whole": "${$data}", "text": "x${$data}", "str": "${string($data)}",
                  "f0": "${formatNumber($data, 0)}", "f2": "${formatNumber($data, 2)}", "f5": "${formatNumber($data, 5, 'fr-FR')}",
                  "calc": "${$data * 3 / 7 + 1 - 0.5}" } ] }
                """)!,
            new JsonObject { ["values"] = new JsonArray([.. values.Select(v => (JsonNode?)v)]) });

        yield return new CrossCheckCase(
            "generated:extreme-numbers",
            JsonNode.Parse("""{ "items": [ { "$data": "${values}", "whole": "${$data}", "text": "${$data} ", "neg": "${-$data}" } ] }""")!,
            new JsonObject { ["values"] = new JsonArray(1e21, 1.7976931348623157e308, 4.9e-324, 1e-300, 123456789e100, 2e-7, 9007199254740993.0) });

        // Case mapping over Latin, Greek, Cyrillic, Latin Extended Additional, ligatures, Deseret.
        var upper = new StringBuilder();
        var lower = new StringBuilder();
        var ranges = new (int From, int To)[] { (0x20, 0x7E), (0xA0, 0x24F), (0x370, 0x3FF), (0x400, 0x52F), (0x1E00, 0x1EFF), (0x2C60, 0x2C7F), (0xA720, 0xA7FF), (0xFB00, 0xFB06), (0x10400, 0x1044F) };
        foreach (var (from, to) in ranges)
        {
            for (var codePoint = from; codePoint <= to; codePoint++)
            {
                if (!Rune.IsValid(codePoint) || Rune.GetUnicodeCategory(new Rune(codePoint)) == UnicodeCategory.OtherNotAssigned)
                {
                    continue;
                }

                var text = char.ConvertFromUtf32(codePoint);
                AppendIfSupported(upper, text, JsFormatting.ToUpper);
                AppendIfSupported(lower, text, JsFormatting.ToLower);
            }
        }

        yield return new CrossCheckCase(
            "generated:casing",
            JsonNode.Parse("""{ "upper": "${toUpper(upperText)}", "lower": "${toLower(lowerText)}" }""")!,
            new JsonObject { ["upperText"] = upper.ToString(), ["lowerText"] = lower.ToString() });

        var longText = string.Concat(Enumerable.Range(0, 900).Select(i => $"Séance n°{i} : « Mobilité douce » — 🚲 d'Éghezée à Dinant. "));
        yield return new CrossCheckCase(
            "generated:long-text",
            JsonNode.Parse("""{ "whole": "${text}", "inside": "« ${text} »", "length": "${length(text)}", "upper": "${toUpper(text)}" }""")!,
            new JsonObject { ["text"] = longText });
    }

    private static void AppendIfSupported(StringBuilder builder, string text, Func<string, string> change)
    {
        try
        {
            change(text);
            builder.Append(text);
        }
        catch (ExpressionFailure)
        {
            // refused by our binder (mapping differs from JavaScript's); covered by unit tests
        }
    }

    private static IEnumerable<CrossCheckCase> DivergenceCases()
    {
        CrossCheckCase Case(string name, string template, string data, string? official) => new(
            "divergence:" + name, JsonNode.Parse(template)!, JsonNode.Parse(data),
            official is null ? null : JsonNode.Parse(official), OfficialThrows: official is null);

        // Missing fields: the official engine leaves the expression in the card...
        yield return Case("missing-field", """{ "t": "${x}" }""", "{}", """{ "t": "${x}" }""");
        yield return Case("missing-field-in-text", """{ "t": "Bonjour ${name} !" }""", "{}", """{ "t": "Bonjour ${name} !" }""");
        yield return Case("missing-data-array", """{ "b": [ { "$data": "${items}", "t": "${name}" } ] }""", "{}", """{ "b": [ { "t": "${name}" } ] }""");
        // ...or counts the characters of "${items}"...
        yield return Case("missing-field-counted", """{ "t": "${count(items)}" }""", "{}", """{ "t": 8 }""");
        // ...or silently drops the element, or the property.
        yield return Case("missing-field-in-when", """{ "b": [ { "$when": "${status == 'open'}", "t": "x" } ] }""", "{}", """{ "b": [] }""");
        yield return Case("missing-key", """{ "t": "${a['k']}" }""", """{ "a": {} }""", "{}");
        // Null: output as null, or a crash inside text.
        yield return Case("null-field", """{ "t": "${x}" }""", """{ "x": null }""", """{ "t": null }""");
        yield return Case("null-field-in-text", """{ "t": "a ${x}" }""", """{ "x": null }""", null);
        // Errors become "${...}" in text, or false in $when.
        yield return Case("division-by-zero-in-text", """{ "t": "a ${x / 0}" }""", """{ "x": 1 }""", """{ "t": "a ${(x / 0)}" }""");
        yield return Case("type-error-in-when", """{ "b": [ { "$when": "${count(n) > 0}", "t": "x" } ] }""", """{ "n": 5 }""", """{ "b": [] }""");
        yield return Case("object-in-text", """{ "t": "a ${o}" }""", """{ "o": { "k": 1 } }""", """{ "t": "a [object Object]" }""");
        // Refused at Parse: a trailing backslash fails there, a lone literal is a string ("${true}" drops the element), \${ shows "${".
        yield return Case("literal-when", """{ "b": [ { "$when": "${true}", "t": "x" } ] }""", "{}", """{ "b": [] }""");
        yield return Case("trailing-backslash", """{ "t": "${x} C:\\" }""", """{ "x": 1 }""", null);
        yield return Case("escaped-expression", """{ "t": "\\${x}" }""", """{ "x": 1 }""", """{ "t": "${x}" }""");
    }
}
