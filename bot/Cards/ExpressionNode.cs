using System.Text.Json.Nodes;

namespace BepBot.Cards;

// "${expr}": the value keeps its JSON type (number, boolean, object, array).
internal sealed class ExpressionNode(string path, ExpressionPiece piece) : TemplateNode(path)
{
    public override JsonNode? Expand(string templateName, in Scope scope)
    {
        try
        {
            var value = ExpressionEvaluator.Evaluate(piece.Expression, scope);
            return value.Kind == CardValueKind.Null
                ? throw new ExpressionFailure("the value is null (the official engine would output null here)")
                : value.ToNode();
        }
        catch (ExpressionFailure failure)
        {
            throw Failure(templateName, piece.Source, failure);
        }
    }
}
