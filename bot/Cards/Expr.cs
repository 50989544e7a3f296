namespace BepBot.Cards;

// A parsed ${...} expression. Text is the source, for error messages.
internal abstract class Expr(string text)
{
    public string Text { get; } = text;
}
