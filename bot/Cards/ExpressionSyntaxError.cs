namespace BepBot.Cards;

// A construct the binder refuses at parse time.
internal sealed class ExpressionSyntaxError(string message) : Exception(message);
