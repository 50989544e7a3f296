using System.Text.Json;
using System.Text.Json.Serialization;

namespace BepBot.Chat;

/// <summary>Strict reading of Action.Execute data: unknown members and missing required members are refused.</summary>
public static class CardData
{
    private static readonly JsonSerializerOptions Strict = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
    };

    public static T Read<T>(JsonElement data)
    {
        if (data.ValueKind != JsonValueKind.Object)
        {
            throw new InvalidCardDataException($"Card data must be an object, not {data.ValueKind}.");
        }

        try
        {
            return data.Deserialize<T>(Strict) ?? throw new InvalidCardDataException("Card data is null.");
        }
        catch (JsonException ex)
        {
            throw new InvalidCardDataException($"Card data does not match {typeof(T).Name}: {ex.Message}", ex);
        }
    }
}
