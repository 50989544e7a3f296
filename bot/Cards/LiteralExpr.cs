namespace BepBot.Cards;

internal sealed class LiteralExpr(CardValue value, string text) : Expr(text)
{
    public CardValue Value { get; } = value;
}
