// TEMPORARY stub until the templating binder lands (not committed).
using System.Text.Json;
using System.Text.Json.Nodes;
namespace BepBot.Cards;
public sealed class CardCatalog(string root)
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);
    public JsonObject Render(string name, object data) => new JsonObject { ["type"] = "AdaptiveCard", ["version"] = "1.5", ["name"] = name, ["data"] = JsonSerializer.SerializeToNode(data, Web), ["root"] = root };
}
