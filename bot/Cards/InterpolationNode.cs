using System.Text;
using System.Text.Json.Nodes;

namespace BepBot.Cards;

// "Bonjour ${name}, ...": always a string.
internal sealed class InterpolationNode(string path, IReadOnlyList<object> pieces) : TemplateNode(path)
{
    public override JsonNode? Expand(string templateName, in Scope scope)
    {
        var text = new StringBuilder();
        foreach (var piece in pieces)
        {
            if (piece is ExpressionPiece expression)
            {
                try
                {
                    text.Append(ExpressionEvaluator.Stringify(expression.Expression, ExpressionEvaluator.Evaluate(expression.Expression, scope)));
                }
                catch (ExpressionFailure failure)
                {
                    throw Failure(templateName, expression.Source, failure);
                }
            }
            else
            {
                text.Append((string)piece);
            }
        }

        return JsonValue.Create(text.ToString());
    }
}
