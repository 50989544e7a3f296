using System.Text.Json.Nodes;

namespace BepBot.Cards;

internal sealed class ArrayNode(string path, IReadOnlyList<TemplateNode> items) : TemplateNode(path)
{
    public override JsonNode? Expand(string templateName, in Scope scope)
    {
        var result = new JsonArray();
        foreach (var item in items)
        {
            switch (item.Expand(templateName, scope))
            {
                case null:
                    break; // dropped by $when, an empty $data, or a literal null
                case JsonArray repeated:
                    var elements = repeated.ToList();
                    repeated.Clear();
                    foreach (var element in elements)
                    {
                        result.Add(element);
                    }

                    break;
                case var single:
                    result.Add(single);
                    break;
            }
        }

        return result;
    }
}
