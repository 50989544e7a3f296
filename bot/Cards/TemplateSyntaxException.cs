namespace BepBot.Cards;

internal sealed class TemplateSyntaxException(string jsonPath, string expression, string message, Exception inner)
    : Exception(message, inner)
{
    public string JsonPath { get; } = jsonPath;
    public string Expression { get; } = expression;
}
