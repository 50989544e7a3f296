namespace BepBot.Cards;

// One ${...} inside a template string, with its source text.
internal sealed record ExpressionPiece(Expr Expression, string Source);
