using System.Text.Json;
using System.Text.Json.Nodes;

namespace BepBot.Cards;

// A value during evaluation. Absent (a field that is not in the data) is distinct from JSON null:
// only exists() and empty() accept it; anywhere else it is the "missing field" error.
internal readonly struct CardValue
{
    private CardValue(CardValueKind kind, bool boolean = false, double number = 0, string? text = null, JsonNode? node = null)
    {
        Kind = kind;
        Boolean = boolean;
        Number = number;
        Text = text;
        Node = node;
    }

    public CardValueKind Kind { get; }
    public bool Boolean { get; }
    public double Number { get; }
    public string? Text { get; }
    public JsonNode? Node { get; }

    public static CardValue Absent { get; } = new(CardValueKind.Absent);
    public static CardValue Null { get; } = new(CardValueKind.Null);

    public static CardValue From(bool value) => new(CardValueKind.Boolean, boolean: value);

    public static CardValue From(double value) => double.IsFinite(value)
        ? new(CardValueKind.Number, number: value)
        : throw new ExpressionFailure("the arithmetic result is not a finite number");

    public static CardValue From(string value) => new(CardValueKind.String, text: value);

    public static CardValue FromNode(JsonNode? node) => node switch
    {
        null => Null,
        JsonArray array => new(CardValueKind.Array, node: array),
        JsonObject obj => new(CardValueKind.Object, node: obj),
        JsonValue value => value.GetValueKind() switch
        {
            JsonValueKind.String => From(value.GetValue<string>()),
            JsonValueKind.Number => From(value.GetValue<double>()),
            JsonValueKind.True => From(true),
            JsonValueKind.False => From(false),
            _ => Null,
        },
        _ => Null,
    };

    public JsonArray Array => (JsonArray)Node!;
    public JsonObject Object => (JsonObject)Node!;

    // Numbers come out as doubles, like JSON.stringify of a JavaScript number.
    public JsonNode? ToNode() => Kind switch
    {
        CardValueKind.Boolean => JsonValue.Create(Boolean),
        CardValueKind.Number => JsonValue.Create(Number),
        CardValueKind.String => JsonValue.Create(Text),
        CardValueKind.Array or CardValueKind.Object => Node!.DeepClone(),
        _ => null,
    };

    public string Describe() => Kind switch
    {
        CardValueKind.Absent => "missing",
        CardValueKind.Null => "null",
        CardValueKind.Boolean => Boolean ? "true" : "false",
        CardValueKind.Number => "the number " + JsFormatting.NumberToString(Number),
        CardValueKind.String => "a string",
        CardValueKind.Array => "an array",
        _ => "an object",
    };
}
