namespace BepBot.Cards;

// Operators are calls too: "==", "&&", "!", "+", ... alongside the named functions.
internal sealed class CallExpr(string function, IReadOnlyList<Expr> arguments, string text) : Expr(text)
{
    public string Function { get; } = function;
    public IReadOnlyList<Expr> Arguments { get; } = arguments;
}
