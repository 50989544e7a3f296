using BepBot.Cards;

namespace BepBot.Tests.Cards;

public sealed class CardTextTests
{
    [Theory]
    [InlineData(null, "")]
    [InlineData("", "")]
    [InlineData("Éghezée, « Mobilité douce » 🚲", "Éghezée, « Mobilité douce » 🚲")]
    [InlineData("*gras* et _italique_", @"\*gras\* et \_italique\_")]
    [InlineData("[lien](https://exemple.invalid)", @"\[lien\]\(https://exemple.invalid)")]
    [InlineData("![image](https://exemple.invalid/x.png)", @"!\[image\]\(https://exemple.invalid/x.png)")]
    [InlineData("<https://exemple.invalid>", @"\<https://exemple.invalid>")]
    [InlineData("# Titre", @"\# Titre")]
    [InlineData("- point\n- autre", "\\- point\n\\- autre")]
    [InlineData("+ point", @"\+ point")]
    [InlineData("  - indenté", @"  \- indenté")]
    [InlineData("> citation", @"\> citation")]
    [InlineData("1. premier\r\n2) second", "1\\. premier\r\n2\\) second")]
    [InlineData("2026 fut une année", "2026 fut une année")]
    [InlineData("Titre\n===", "Titre\n\\===")]
    [InlineData("a - b # c > d", "a - b # c > d")]
    [InlineData("#1 des communes", "#1 des communes")]
    [InlineData("-5 % de CO2", "-5 % de CO2")]
    [InlineData("1.5 million", "1.5 million")]
    [InlineData("---", @"\---")]
    [InlineData("####### sept", "####### sept")]
    [InlineData("#", @"\#")]
    [InlineData("`code` ~barré~", @"\`code\` \~barré\~")]
    [InlineData(@"C:\dossier", @"C:\\dossier")]
    [InlineData("Tom & Jerry | x", @"Tom \& Jerry \| x")]
    [InlineData("${$root.secret}", @"$\{$root.secret}")]
    [InlineData("prix : 5 $ {total}", "prix : 5 $ {total}")]
    [InlineData("(parenthèses) normales", "(parenthèses) normales")]
    public void EscapeMarkdown_Text_ShowsLiterally(string? text, string expected)
    {
        CardText.EscapeMarkdown(text).ShouldBe(expected);
    }

    [Theory]
    [InlineData("[a](b)[c](d)")]
    [InlineData("]]((")]
    [InlineData("x](javascript:alert(1))")]
    [InlineData("${a}${b}$${c}")]
    public void EscapeMarkdown_LinkOrExpressionSyntax_NeverSurvives(string text)
    {
        var escaped = CardText.EscapeMarkdown(text);

        escaped.ShouldNotContain("](");
        escaped.ShouldNotContain("${");
    }

    [Fact]
    public void EscapeMarkdown_BoundThroughTemplate_StaysLiteral()
    {
        var template = CardTemplate.Parse("test/card", """{ "type": "TextBlock", "text": "Message : ${message}" }""");
        var data = new System.Text.Json.Nodes.JsonObject { ["message"] = CardText.EscapeMarkdown("${$root} [x](y)") };

        template.Expand(data)["text"]!.GetValue<string>().ShouldBe(@"Message : $\{$root} \[x\]\(y)");
    }
}
