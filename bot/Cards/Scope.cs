using System.Text.Json.Nodes;

namespace BepBot.Cards;

// What an expression sees: the whole data ($root), the current $data and, inside a repeat, $index.
internal readonly record struct Scope(JsonNode? Root, JsonNode? Data, int? Index);
