using System.Text.Json.Nodes;
using BepBot.Cards;

namespace BepBot.Tests.Cards;

public sealed class CardTemplateTests
{
    [Fact]
    public void Expand_WholeStringExpression_KeepsBoundJsonType()
    {
        var card = CardJson.Expand(
            """{ "n": "${n}", "d": "${d}", "b": "${b}", "s": "${s}", "o": "${o}", "a": "${a}", "sum": "${n + 1}" }""",
            """{ "n": 3, "d": 2.5, "b": true, "s": "texte", "o": { "k": [1, "x"] }, "a": [1, 2] }""");

        card.ShouldEqualJson("""{ "n": 3, "d": 2.5, "b": true, "s": "texte", "o": { "k": [1, "x"] }, "a": [1, 2], "sum": 4 }""");
    }

    [Fact]
    public void Expand_LoneLiteralExpression_IsStringLikeOfficialEngine()
    {
        var card = CardJson.Expand("""{ "n": "${42}", "b": "${true}", "negative": "${-1}" }""", "{}");

        card.ShouldEqualJson("""{ "n": "42", "b": "true", "negative": -1 }""");
    }

    [Fact]
    public void Expand_InterpolatedString_ConcatenatesTextAndValues()
    {
        var card = CardJson.Expand(
            """{ "text": "Bonjour ${name}, ${count} ateliers (${ratio} %), ouvert : ${open}" }""",
            """{ "name": "Adèle", "count": 12, "ratio": 0.1, "open": false }""");

        card.ShouldEqualJson("""{ "text": "Bonjour Adèle, 12 ateliers (0.1 %), ouvert : false" }""");
    }

    [Theory]
    [InlineData(1e21, "1e+21")]
    [InlineData(1e-7, "1e-7")]
    [InlineData(123456789012.0, "123456789012")]
    [InlineData(0.30000000000000004, "0.30000000000000004")]
    [InlineData(-4.5, "-4.5")]
    [InlineData(100.0, "100")]
    public void Expand_NumberInText_PrintedLikeJavaScript(double value, string expected)
    {
        var data = new JsonObject { ["v"] = value };

        var card = CardTemplate.Parse("test/card", """{ "t": "[${v}]" }""").Expand(data);

        card["t"]!.GetValue<string>().ShouldBe($"[{expected}]");
    }

    [Fact]
    public void Expand_PropertyPathsIndexesAndKeys_Resolve()
    {
        var card = CardJson.Expand(
            """{ "nested": "${a.b.c}", "index": "${list[1]}", "key": "${a['mot clé']}", "mixed": "${items[0].name}", "ignoreCase": "${A.B.C}" }""",
            """{ "a": { "b": { "c": "profond" }, "mot clé": "valeur" }, "list": ["x", "y"], "items": [{ "name": "Namur" }] }""");

        card.ShouldEqualJson("""{ "nested": "profond", "index": "y", "key": "valeur", "mixed": "Namur", "ignoreCase": "profond" }""");
    }

    [Fact]
    public void Expand_DataArray_RepeatsElementWithIndexAndRoot()
    {
        var card = CardJson.Expand(
            """
            { "body": [
                { "type": "TextBlock", "text": "${title}" },
                { "type": "TextBlock", "$data": "${communes}", "text": "${$index}. ${name} (${$root.province})" }
            ] }
            """,
            """{ "title": "Communes", "province": "Namur", "communes": [{ "name": "Andenne" }, { "name": "Éghezée" }] }""");

        card.ShouldEqualJson(
            """
            { "body": [
                { "type": "TextBlock", "text": "Communes" },
                { "type": "TextBlock", "text": "0. Andenne (Namur)" },
                { "type": "TextBlock", "text": "1. Éghezée (Namur)" }
            ] }
            """);
    }

    [Fact]
    public void Expand_NestedDataArrays_RepeatInnerWithItsOwnIndex()
    {
        var card = CardJson.Expand(
            """
            { "body": [ { "$data": "${bassins}", "title": "${name}", "items": [
                { "$data": "${communes}", "text": "${$index}:${$data}" } ] } ] }
            """,
            """{ "bassins": [ { "name": "Namur-Capitale", "communes": ["Namur", "Gembloux"] }, { "name": "Essaimage", "communes": ["Couvin"] } ] }""");

        card.ShouldEqualJson(
            """
            { "body": [
                { "title": "Namur-Capitale", "items": [ { "text": "0:Namur" }, { "text": "1:Gembloux" } ] },
                { "title": "Essaimage", "items": [ { "text": "0:Couvin" } ] } ] }
            """);
    }

    [Fact]
    public void Expand_DataObject_RescopesToSubObject()
    {
        var card = CardJson.Expand(
            """{ "session": { "$data": "${session}", "title": "${title}", "room": "${place.room}", "by": "${$root.organizer}" } }""",
            """{ "organizer": "BEP", "session": { "title": "Conférence", "place": { "room": "Salle du Conseil" } } }""");

        card.ShouldEqualJson("""{ "session": { "title": "Conférence", "room": "Salle du Conseil", "by": "BEP" } }""");
    }

    [Fact]
    public void Expand_LiteralInlineData_RepeatsOverArrayAndRescopesToObject()
    {
        var card = CardJson.Expand(
            """
            { "list": [ { "$data": [ { "n": 1 }, { "n": 2 } ], "text": "${n}" } ],
              "one": { "$data": { "code": "NC" }, "text": "${code}" } }
            """,
            "{}");

        card.ShouldEqualJson("""{ "list": [ { "text": 1 }, { "text": 2 } ], "one": { "text": "NC" } }""");
    }

    [Fact]
    public void Expand_EmptyDataArray_DropsElement()
    {
        var card = CardJson.Expand(
            """{ "body": [ { "$data": "${items}", "text": "${name}" }, { "text": "fin" } ], "single": { "$data": "${items}", "text": "x" } }""",
            """{ "items": [] }""");

        card.ShouldEqualJson("""{ "body": [ { "text": "fin" } ], "single": null }""");
    }

    [Fact]
    public void Expand_WhenFalse_DropsElementFromArrayAndNullsProperty()
    {
        var card = CardJson.Expand(
            """
            { "body": [
                { "text": "ouvert", "$when": "${status == 'open'}" },
                { "text": "fermé", "$when": "${status == 'closed'}" },
                { "text": "liste", "$when": "${count(items) > 0}" },
                { "text": "détails", "$when": "${!empty(details)}" } ],
              "select": { "$when": "${false == true}", "type": "Action.Execute" } }
            """,
            """{ "status": "open", "items": [1], "details": [] }""");

        card.ShouldEqualJson("""{ "body": [ { "text": "ouvert" }, { "text": "liste" } ], "select": null }""");
    }

    [Fact]
    public void Expand_WhenWithData_FiltersEachItemInItsOwnScope()
    {
        var card = CardJson.Expand(
            """{ "body": [ { "$data": "${items}", "$when": "${$index > 0 && exists(flag)}", "text": "${name}" } ] }""",
            """{ "items": [ { "name": "a", "flag": true }, { "name": "b", "flag": true }, { "name": "c" } ] }""");

        card.ShouldEqualJson("""{ "body": [ { "text": "b" } ] }""");
    }

    [Theory]
    [InlineData("${a + b}", "14")]
    [InlineData("${a - b * 2}", "2")]
    [InlineData("${a / b}", "2")]          // integers divide as integers
    [InlineData("${7.5 / 2}", "3.75")]
    [InlineData("${0.1 + 0.2}", "0.30000000000000004")]
    [InlineData("${-a}", "-10")]
    [InlineData("${'n°' + a}", "\"n°10\"")]
    [InlineData("${a == 10 && b != 10}", "true")]
    [InlineData("${a < b || b <= 4}", "true")]
    [InlineData("${a > 10 || b >= 5}", "false")]
    [InlineData("${!open}", "false")]
    [InlineData("${!open == false}", "true")] // unary binds tightest
    [InlineData("${0.1 + 0.2 == 0.3}", "true")] // equality within Number.EPSILON
    [InlineData("${'a' < 'B'}", "false")]     // UTF-16 code unit order
    [InlineData("${nothing == null}", "true")]
    [InlineData("${!zero}", "false")]         // 0 is truthy in adaptive expressions
    public void Expand_Operators_FollowAdaptiveExpressions(string expression, string expected)
    {
        var card = CardJson.Expand($$"""{ "v": "{{expression}}" }""", """{ "a": 10, "b": 4, "open": true, "zero": 0, "nothing": null }""");

        card.ShouldEqualJson($$"""{ "v": {{expected}} }""");
    }

    [Theory]
    [InlineData("${if(open, 'ouvert', 'fermé')}", "\"ouvert\"")]
    [InlineData("${if(exists(missing), missing, 'défaut')}", "\"défaut\"")]
    [InlineData("${count(items)}", "3")]
    [InlineData("${count(name)}", "7")]
    [InlineData("${empty(none)}", "true")]
    [InlineData("${empty(missing)}", "true")]
    [InlineData("${exists(nothing)}", "false")]
    [InlineData("${not(open)}", "false")]
    [InlineData("${and(open, count(items) == 3)}", "true")]
    [InlineData("${or(false, equals(name, 'Éghezée'))}", "true")]
    [InlineData("${concat(name, ' ', 3, ' ', true)}", "\"Éghezée 3 true\"")]
    [InlineData("${string(1234.5)}", "\"1,234.5\"")]
    [InlineData("${string(nothing)}", "\"\"")]
    [InlineData("${length('héllo😀')}", "7")]
    [InlineData("${toUpper(name)}", "\"ÉGHEZÉE\"")]
    [InlineData("${toLower('ÇA VA ÊTRE L’ÉTÉ')}", "\"ça va être l’été\"")]
    [InlineData("${toUpper('straße')}", "\"STRASSE\"")]
    [InlineData("${join(items, ', ')}", "\"Namur, Dinant, Couvin\"")]
    [InlineData("${join(items, ', ', ' et ')}", "\"Namur, Dinant et Couvin\"")]
    [InlineData("${formatNumber(1234567.891, 2)}", "\"1,234,567.89\"")]
    [InlineData("${formatNumber(1234567.891, 2, 'fr-FR')}", "\"1\u00a0234\u00a0567,89\"")]
    [InlineData("${formatNumber(-1234.56, 1)}", "\"\u22121,234.6\"")]
    [InlineData("${formatNumber(2.5, 0)}", "\"3\"")]
    [InlineData("${formatNumber(1.005, 2)}", "\"1.00\"")]
    public void Expand_Functions_FollowAdaptiveExpressions(string expression, string expected)
    {
        var card = CardJson.Expand(
            $$"""{ "v": "{{expression}}" }""",
            """{ "open": true, "name": "Éghezée", "items": ["Namur", "Dinant", "Couvin"], "none": [], "nothing": null }""");

        card.ShouldEqualJson($$"""{ "v": {{expected}} }""");
    }

    [Fact]
    public void Expand_ArraysOfObjects_BindEachField()
    {
        var card = CardJson.Expand(
            """{ "type": "FactSet", "facts": [ { "$data": "${details}", "title": "${label}", "value": "${value}" } ] }""",
            """{ "details": [ { "label": "Date", "value": "jeudi 12 mars 2026 à 14h00" }, { "label": "Lieu", "value": "Namur" } ] }""");

        card.ShouldEqualJson(
            """{ "type": "FactSet", "facts": [ { "title": "Date", "value": "jeudi 12 mars 2026 à 14h00" }, { "title": "Lieu", "value": "Namur" } ] }""");
    }

    [Fact]
    public void Expand_FrenchAccentsAndSpecialCharacters_KeptExactly()
    {
        const string Tricky = "Françoise Lefèvre-Nœl a dit \"c'est l'été\" \\ C:\\dossier <script> & 🏛️🇧🇪 👩🏽‍💼 \t\n fin";
        var data = new JsonObject { ["text"] = Tricky };

        var card = CardTemplate.Parse("test/card", """{ "whole": "${text}", "inside": "« ${text} »" }""").Expand(data);

        card["whole"]!.GetValue<string>().ShouldBe(Tricky);
        card["inside"]!.GetValue<string>().ShouldBe($"« {Tricky} »");
        JsonNode.Parse(card.ToJsonString())!["inside"]!.GetValue<string>().ShouldBe($"« {Tricky} »");
    }

    [Fact]
    public void Expand_VeryLongText_KeptWhole()
    {
        var text = string.Concat(Enumerable.Repeat("Relevé de décisions de la Conférence des Bourgmestres — ", 1000));
        text.Length.ShouldBeGreaterThan(50_000);
        var data = new JsonObject { ["text"] = text };

        var card = CardTemplate.Parse("test/card", """{ "a": "${text}", "b": "Texte : ${text}" }""").Expand(data);

        card["a"]!.GetValue<string>().ShouldBe(text);
        card["b"]!.GetValue<string>().ShouldBe("Texte : " + text);
    }

    [Fact]
    public void Expand_BoundValueContainingExpression_IsNotEvaluated()
    {
        var card = CardJson.Expand(
            """{ "whole": "${typed}", "inside": "Saisi : ${typed}", "list": [ { "$data": "${items}", "t": "${$data}" } ] }""",
            """{ "typed": "${$root.secret} ${if(true, 'a', 'b')}", "items": ["${secret}"], "secret": "caché" }""");

        card.ShouldEqualJson(
            """{ "whole": "${$root.secret} ${if(true, 'a', 'b')}", "inside": "Saisi : ${$root.secret} ${if(true, 'a', 'b')}", "list": [ { "t": "${secret}" } ] }""");
        card.ToJsonString().ShouldNotContain("caché");
    }

    [Fact]
    public void Expand_LiteralsAndReservedKeys_FollowOfficialEngine()
    {
        var card = CardJson.Expand(
            """{ "$schema": "http://adaptivecards.io/schemas/adaptive-card.json", "n": 1.5, "none": null, "list": [null, 1, [2, [3]], "${tags}"] }""",
            """{ "tags": ["a", "b"] }""");

        // Literal nulls leave arrays, nested arrays and bound arrays are spliced into the enclosing array.
        card.ShouldEqualJson("""{ "$schema": "http://adaptivecards.io/schemas/adaptive-card.json", "n": 1.5, "none": null, "list": [1, 2, 3, "a", "b"] }""");
    }

    [Fact]
    public void Expand_SameTemplateTwice_KeepsNoStateBetweenCalls()
    {
        var template = CardTemplate.Parse("test/card", """{ "items": [ { "$data": "${list}", "t": "${$index}-${$data}" } ] }""");

        var first = template.Expand(JsonNode.Parse("""{ "list": ["a", "b"] }"""));
        var second = template.Expand(JsonNode.Parse("""{ "list": ["c"] }"""));

        first.ShouldEqualJson("""{ "items": [ { "t": "0-a" }, { "t": "1-b" } ] }""");
        second.ShouldEqualJson("""{ "items": [ { "t": "0-c" } ] }""");
    }

    [Fact]
    public void Expand_DataBuiltFromClrValues_ReadsLikeParsedJson()
    {
        var data = new JsonObject
        {
            ["count"] = 3,
            ["price"] = 12.5m,
            ["when"] = new DateTime(2026, 3, 12, 14, 0, 0, DateTimeKind.Unspecified),
            ["tags"] = new JsonArray("a", "b"),
        };

        var card = CardTemplate.Parse("test/card", """{ "t": "${count} × ${price} le ${when}", "n": "${count * 2}", "j": "${join(tags, '+')}" }""").Expand(data);

        card.ShouldEqualJson("""{ "t": "3 × 12.5 le 2026-03-12T14:00:00", "n": 6, "j": "a+b" }""");
    }

    [Fact]
    public void Expand_OutputIsDetachedFromTemplateAndData()
    {
        var template = CardTemplate.Parse("test/card", """{ "o": "${obj}", "lit": { "k": 1 } }""");
        var data = JsonNode.Parse("""{ "obj": { "k": 1 } }""");

        var card = template.Expand(data);
        card["o"]!["k"] = 2;
        card["lit"]!["k"] = 2;

        template.Expand(data).ShouldEqualJson("""{ "o": { "k": 1 }, "lit": { "k": 1 } }""");
    }
}
