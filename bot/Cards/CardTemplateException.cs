namespace BepBot.Cards;

// A template that cannot be parsed (unsupported construct, bad syntax, invalid JSON) or expanded
// (missing field, type error). Says which template, where in it (JSON path) and which expression.
public sealed class CardTemplateException : Exception
{
    public CardTemplateException()
    {
    }

    public CardTemplateException(string message)
        : base(message)
    {
    }

    public CardTemplateException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    internal CardTemplateException(string templateName, string? jsonPath, string? expression, string reason, Exception? innerException = null)
        : base(Describe(templateName, jsonPath, expression, reason), innerException)
    {
        TemplateName = templateName;
        JsonPath = jsonPath;
        Expression = expression;
        MissingField = (innerException as ExpressionFailure)?.MissingField;
    }

    public string? TemplateName { get; }

    // e.g. "$.body[2].items[0].text"
    public string? JsonPath { get; }

    // The expression as written in the template, e.g. "${count(items) > 0}".
    public string? Expression { get; }

    // Set when the expansion failed because the data has no such field (or it is unreachable).
    public string? MissingField { get; }

    private static string Describe(string templateName, string? jsonPath, string? expression, string reason)
    {
        var where = jsonPath is null ? "" : $" at {jsonPath}";
        var what = expression is null ? "" : $" in {expression}";
        return $"Card template '{templateName}'{where}: {reason}{what}";
    }
}
