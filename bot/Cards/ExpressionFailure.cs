namespace BepBot.Cards;

// An evaluation error; the template expansion adds the template name, JSON path and expression.
internal sealed class ExpressionFailure(string message, string? missingField = null) : Exception(message)
{
    public string? MissingField { get; } = missingField;
}
