using System.Text.Json.Nodes;

namespace BepBot.Cards;

internal sealed class LiteralNode(string path, JsonNode? value) : TemplateNode(path)
{
    public override JsonNode? Expand(string templateName, in Scope scope) => value?.DeepClone();
}
