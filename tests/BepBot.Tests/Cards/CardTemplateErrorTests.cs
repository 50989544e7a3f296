using System.Text.Json.Nodes;
using BepBot.Cards;

namespace BepBot.Tests.Cards;

// Where the official engine would leave "${...}" in the card, output null, or swallow an error into
// false, the binder throws, naming the template, the JSON path and the expression.
public sealed class CardTemplateErrorTests
{
    private static CardTemplateException ExpandFails(string template, string data) =>
        Should.Throw<CardTemplateException>(() => CardJson.Expand(template, data));

    private static CardTemplateException ParseFails(string template) =>
        Should.Throw<CardTemplateException>(() => CardTemplate.Parse("test/card", template));

    [Fact]
    public void Expand_MissingField_ThrowsWithTemplateNamePathAndExpression()
    {
        var error = ExpandFails(
            """{ "body": [ { "type": "TextBlock", "text": "ok" }, { "type": "TextBlock", "text": "${title}" } ] }""",
            """{ "titre": "mal nommé" }""");

        error.TemplateName.ShouldBe("test/card");
        error.JsonPath.ShouldBe("$.body[1].text");
        error.Expression.ShouldBe("${title}");
        error.MissingField.ShouldBe("title");
        error.Message.ShouldContain("'test/card'");
        error.Message.ShouldContain("$.body[1].text");
        error.Message.ShouldContain("${title}");
    }

    [Theory]
    [InlineData("""{ "t": "Bonjour ${name}" }""", "{}", "$.t", "name")]
    [InlineData("""{ "t": "${a.b.c}" }""", """{ "a": { "b": {} } }""", "$.t", "a.b.c")]
    [InlineData("""{ "t": "${a.b}" }""", """{ "a": null }""", "$.t", "a.b")]
    [InlineData("""{ "t": "${list[3]}" }""", """{ "list": [1] }""", "$.t", "list[3]")]
    [InlineData("""{ "t": "${$index}" }""", "{}", "$.t", "$index")]
    [InlineData("""{ "t": "${count(items) > 0}" }""", "{}", "$.t", "items")]
    [InlineData("""{ "t": "${if(flag, 'a', 'b')}" }""", "{}", "$.t", "flag")]
    [InlineData("""{ "t": "${x == null}" }""", "{}", "$.t", "x")]
    [InlineData("""{ "b": [ { "$data": "${items}", "t": "${name}" } ] }""", "{}", "$.b[0].$data", "items")]
    [InlineData("""{ "b": [ { "$data": "${items}", "t": "${name}" } ] }""", """{ "items": [ { "nom": "x" } ] }""", "$.b[0].t", "name")]
    [InlineData("""{ "b": [ { "$when": "${status == 'open'}", "t": "x" } ] }""", "{}", "$.b[0].$when", "status")]
    [InlineData("""{ "b": [ { "$when": "${count(items) > 0}", "t": "x" } ] }""", "{}", "$.b[0].$when", "items")]
    public void Expand_MissingField_Throws(string template, string data, string path, string field)
    {
        var error = ExpandFails(template, data);

        error.JsonPath.ShouldBe(path);
        error.MissingField.ShouldBe(field);
    }

    [Theory]
    [InlineData("""{ "t": "${x}" }""")]
    [InlineData("""{ "t": "Texte ${x}" }""")]
    [InlineData("""{ "b": [ { "$data": "${x}", "t": "y" } ] }""")]
    public void Expand_NullBoundIntoCard_Throws(string template)
    {
        var error = ExpandFails(template, """{ "x": null }""");

        error.Message.ShouldContain("null");
    }

    [Theory]
    [InlineData("${count(n)}", "count()")]
    [InlineData("${empty(n)}", "empty()")]
    [InlineData("${length(n)}", "a string is needed")]
    [InlineData("${toUpper(n)}", "a string is needed")]
    [InlineData("${n / 0}", "division by zero")]
    [InlineData("${n * 'x'}", "a number is needed")]
    [InlineData("${'a' < 1}", "cannot be compared")]
    [InlineData("${1 < 2 == true}", "cannot be compared")] // relational binds looser than == in adaptive expressions
    [InlineData("${true + 1}", "+ needs numbers or strings")]
    [InlineData("${join(s, ',')}", "join() needs an array")]
    [InlineData("${join(o, ',')}", "join() needs an array")]
    [InlineData("${join(nested, ',')}", "only a string, a number or a boolean")]
    [InlineData("Texte ${o}", "only a string, a number or a boolean")]
    [InlineData("Texte ${list}", "only a string, a number or a boolean")]
    [InlineData("${concat('a', o)}", "only a string, a number or a boolean")]
    [InlineData("${formatNumber(s, 2)}", "a number is needed")]
    [InlineData("${formatNumber(n, 1.5)}", "whole number from 0 to 20")]
    [InlineData("${formatNumber(n, 21)}", "whole number from 0 to 20")]
    [InlineData("${s.length}", "cannot read 'length' of a string")]
    [InlineData("${o[0]}", "cannot read [0] of an object")]
    [InlineData("${toLower('ΟΔΟΣ')}", "U+03A3")]
    [InlineData("${n * big}", "not a finite number")]
    public void Expand_TypeOrValueError_Throws(string expression, string reason)
    {
        var error = ExpandFails(
            $$"""{ "v": "{{expression}}" }""",
            """{ "n": 5, "s": "abc", "o": { "k": 1 }, "list": [1, 2], "nested": [[1]], "big": 1e308 }""");

        error.Message.ShouldContain(reason);
        error.JsonPath.ShouldBe("$.v");
        error.Expression.ShouldBe(expression.StartsWith("Texte ", StringComparison.Ordinal) ? expression[6..] : expression);
    }

    [Theory]
    [InlineData("${name}")]
    [InlineData("${count(items)}")]
    public void Expand_WhenNotBoolean_Throws(string when)
    {
        var error = ExpandFails($$"""{ "b": [ { "$when": "{{when}}", "t": "x" } ] }""", """{ "name": "a", "items": [1] }""");

        error.JsonPath.ShouldBe("$.b[0].$when");
        error.Message.ShouldContain("$when must be true or false");
    }

    [Fact]
    public void Expand_RootDroppedByWhen_Throws()
    {
        ExpandFails("""{ "$when": "${show}", "type": "AdaptiveCard" }""", """{ "show": false }""")
            .Message.ShouldContain("expanded to nothing");
    }

    [Fact]
    public void Expand_RootRepeatedOverArray_Throws()
    {
        ExpandFails("""{ "$data": "${cards}", "type": "AdaptiveCard" }""", """{ "cards": [1, 2] }""")
            .Message.ShouldContain("expanded to an array");
    }

    [Fact]
    public void Expand_NullData_MissingFieldThrows()
    {
        var template = CardTemplate.Parse("test/card", """{ "t": "${title}" }""");

        Should.Throw<CardTemplateException>(() => template.Expand(null)).MissingField.ShouldBe("title");
        template.Expand(new JsonObject { ["title"] = "ok" })["t"]!.GetValue<string>().ShouldBe("ok");
    }

    [Fact]
    public void Expand_PresenceTests_AcceptMissingAndNullFields()
    {
        var card = CardJson.Expand(
            """{ "a": "${exists(missing)}", "b": "${empty(missing.deep[0])}", "c": "${exists(nothing)}", "d": "${empty(nothing)}", "e": "${exists(list[5])}" }""",
            """{ "nothing": null, "list": [] }""");

        card.ShouldEqualJson("""{ "a": false, "b": true, "c": false, "d": true, "e": false }""");
    }

    [Theory]
    [InlineData("""{ "t": "${unknownFunction(x)}" }""", "$.t", "unknown function 'unknownFunction'")]
    [InlineData("""{ "t": "${substring(x, 1)}" }""", "$.t", "unknown function 'substring'")]
    [InlineData("""{ "t": "${Count(x)}" }""", "$.t", "unknown function 'Count'")]
    [InlineData("""{ "t": "${a.b(1)}" }""", "$.t", "calling 'a.b'")]
    [InlineData("""{ "t": "${$host.x}" }""", "$.t", "'$host' is not supported")]
    [InlineData("""{ "t": "${$_acTemplateVersion.major}" }""", "$.t", "'$_acTemplateVersion' is not supported")]
    [InlineData("""{ "t": "${@x}" }""", "$.t", "'@x' is not supported")]
    [InlineData("""{ "t": "${undefined}" }""", "$.t", "'undefined' is not supported")]
    [InlineData("""{ "t": "${a +}" }""", "$.t", "unexpected end of expression")]
    [InlineData("""{ "t": "${a b}" }""", "$.t", "unexpected 'b'")]
    [InlineData("""{ "t": "${(a}" }""", "$.t", "unexpected end")]
    [InlineData("""{ "t": "${'abc}" }""", "$.t", "would show a literal")]
    [InlineData("""{ "t": "${é}" }""", "$.t", "unexpected character 'é'")]
    [InlineData("""{ "t": "${a ? b : c}" }""", "$.t", "conditional operator ?:")]
    [InlineData("""{ "t": "${a ?? b}" }""", "$.t", "the operator ??")]
    [InlineData("""{ "t": "${a % 2}" }""", "$.t", "the operator % is not supported")]
    [InlineData("""{ "t": "${a ^ 2}" }""", "$.t", "the operator ^ is not supported")]
    [InlineData("""{ "t": "${a & b}" }""", "$.t", "the operator & (use concat")]
    [InlineData("""{ "t": "${a <> b}" }""", "$.t", "the operator <> (use !=)")]
    [InlineData("""{ "t": "${+a}" }""", "$.t", "unary operator + is not supported")]
    [InlineData("""{ "t": "${[1, 2]}" }""", "$.t", "array literals")]
    [InlineData("""{ "t": "${ {a: 1}.a }" }""", "$.t", "object literals")]
    [InlineData("""{ "t": "${join(items, x => x)}" }""", "$.t", "lambda")]
    [InlineData("""{ "t": "${a[i]}" }""", "$.t", "the index [i] is not supported")]
    [InlineData("""{ "t": "${a[-1]}" }""", "$.t", "the index [-1] is not supported")]
    [InlineData("""{ "t": "${a['x.y']}" }""", "$.t", "must not be empty, contain . [ ]")]
    [InlineData("""{ "t": "${a['1a']}" }""", "$.t", "start like a number")]
    [InlineData("""{ "t": "${count(a).b}" }""", "$.t", "only on data paths")]
    [InlineData("""{ "t": "${if(a, b)}" }""", "$.t", "if takes 3 argument(s)")]
    [InlineData("""{ "t": "${toUpper(a, 'fr')}" }""", "$.t", "toUpper takes 1 argument(s)")]
    [InlineData("""{ "t": "${formatNumber(n, 2, 'fr-BE')}" }""", "$.t", "'en-US' or 'fr-FR'")]
    [InlineData("""{ "t": "${concat('${', x)}" }""", "$.t", "contains \"${\"")]
    [InlineData("""{ "t": "${`a`}" }""", "$.t", "backtick")]
    [InlineData("""{ "t": "Prix ${ total" }""", "$.t", "would show a literal \"${\"")]
    [InlineData("""{ "t": "Vide ${}" }""", "$.t", "would show a literal \"${\"")]
    [InlineData("""{ "t": "Échappé \\${x}" }""", "$.t", "would show a literal \"${\"")]
    [InlineData("""{ "t": "Multi ${a\nb}" }""", "$.t", "would show a literal \"${\"")]
    [InlineData("""{ "t": "a`b ${x}" }""", "$.t", "backtick")]
    [InlineData("""{ "t": "${x} C:\\" }""", "$.t", "cannot end with a backslash")]
    [InlineData("""{ "${key}": 1 }""", "$['${key}']", "property names")]
    [InlineData("""{ "$host": "x" }""", "$.$host", "reserved property $host")]
    [InlineData("""{ "$root": "x" }""", "$.$root", "reserved property $root")]
    [InlineData("""{ "$index": 1 }""", "$.$index", "reserved property $index")]
    [InlineData("""{ "b": [ { "$when": true } ] }""", "$.b[0].$when", "$when must be one ${...} expression")]
    [InlineData("""{ "b": [ { "$when": "true" } ] }""", "$.b[0].$when", "$when must be one ${...} expression")]
    [InlineData("""{ "b": [ { "$when": "${a} " } ] }""", "$.b[0].$when", "$when must be one ${...} expression")]
    [InlineData("""{ "b": [ { "$when": "${true}" } ] }""", "$.b[0].$when", "a lone literal")]
    [InlineData("""{ "b": [ { "$data": "items" } ] }""", "$.b[0].$data", "$data must be one ${...} expression")]
    [InlineData("""{ "b": [ { "$data": 3 } ] }""", "$.b[0].$data", "$data must be one ${...} expression")]
    [InlineData("""{ "b": [ { "$data": "${'x'}" } ] }""", "$.b[0].$data", "a lone literal")]
    [InlineData("""{ "b": [ { "$data": [ { "t": "${x}" } ] } ] }""", "$.b[0].$data[0].t", "inside a literal $data")]
    public void Parse_UnsupportedConstruct_ThrowsWithTemplateNameAndPath(string template, string path, string reason)
    {
        var error = ParseFails(template);

        error.TemplateName.ShouldBe("test/card");
        error.JsonPath.ShouldBe(path);
        error.Message.ShouldContain(reason);
        error.Message.ShouldContain("'test/card'");
    }

    [Theory]
    [InlineData("""{ "a": 1, """, "invalid JSON")]
    [InlineData("""{ "a": 1, "a": 2 }""", "invalid JSON")]
    [InlineData("""[ { "a": 1 } ]""", "must be a JSON object")]
    [InlineData("""{ "a": 1 } // comment""", "invalid JSON")]
    public void Parse_NotASingleJsonObject_Throws(string json, string reason)
    {
        ParseFails(json).Message.ShouldContain(reason);
    }
}
