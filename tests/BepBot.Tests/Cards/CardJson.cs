using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using BepBot.Cards;

namespace BepBot.Tests.Cards;

internal static class CardJson
{
    private static readonly JsonSerializerOptions Readable = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static JsonObject Expand(string template, string data) =>
        CardTemplate.Parse("test/card", template).Expand(JsonNode.Parse(data));

    public static void ShouldEqualJson(this JsonNode? actual, string expected)
    {
        var expectedNode = JsonNode.Parse(expected);
        JsonNode.DeepEquals(actual, expectedNode).ShouldBeTrue(
            $"expected {expectedNode?.ToJsonString(Readable)}\n but got {actual?.ToJsonString(Readable)}");
    }

    public static string Show(JsonNode? node) => node?.ToJsonString(Readable) ?? "null";
}
