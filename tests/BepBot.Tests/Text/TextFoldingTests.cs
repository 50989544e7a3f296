using BepBot.Infrastructure.Text;

namespace BepBot.Tests.Text;

public sealed class TextFoldingTests
{
    [Theory]
    [InlineData("  Où   EN est ", "ou en est")]
    [InlineData("Œuvre", "oeuvre")]
    [InlineData("cœur de l’Entre-Sambre", "coeur de l'entre-sambre")]
    [InlineData("‘séminaires’", "'seminaires'")]
    [InlineData("l`agenda", "l'agenda")]
    [InlineData("EGHEZÉE", "eghezee")]
    [InlineData("Eghezée", "eghezee")]
    [InlineData("Bie\u0300vre", "bievre")]
    [InlineData("mes\u00a0inscriptions", "mes inscriptions")]
    [InlineData("14\u202fh", "14 h")]
    [InlineData("\tconférences\r\n2026\n", "conferences 2026")]
    [InlineData("Ça, c'est ÇA", "ca, c'est ca")]
    public void Fold_Text_LowerCaseWithoutAccentsAndSingleSpaces(string text, string expected) =>
        TextFolding.Fold(text).ShouldBe(expected);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\u00a0\t\n")]
    public void Fold_NothingButWhitespace_ReturnsEmpty(string? text) =>
        TextFolding.Fold(text).ShouldBe(string.Empty);

    [Theory]
    [InlineData("  Où   EN est ")]
    [InlineData("Œuvre’s  Cœur")]
    public void Fold_AlreadyFolded_Unchanged(string text)
    {
        var folded = TextFolding.Fold(text);

        TextFolding.Fold(folded).ShouldBe(folded);
    }
}
