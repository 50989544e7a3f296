using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace BepBot.Chat;

/// <summary>Strict reading of Action.Execute data: unknown members and missing required members are refused.</summary>
public static class CardData
{
    private static readonly JsonSerializerOptions Strict = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
        TypeInfoResolver = new DefaultJsonTypeInfoResolver(),
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

    /// <summary>
    /// Reads the data of a click on a card that has inputs: Teams merges every input's current value into the button's
    /// data, so the members named in <paramref name="cardInputs"/> (<see cref="ChatTurn.CardInputs"/>) that
    /// <typeparamref name="T"/> does not read are set aside. Everything else is read as strictly as
    /// <see cref="Read{T}(JsonElement)"/>: a member that is neither read nor an input of the card is refused.
    /// </summary>
    public static T Read<T>(JsonElement data, IReadOnlySet<string> cardInputs)
    {
        if (cardInputs.Count == 0 || data.ValueKind != JsonValueKind.Object)
        {
            return Read<T>(data);
        }

        var read = Strict.GetTypeInfo(typeof(T)).Properties.Select(property => property.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var kept = new JsonObject();
        foreach (var member in data.EnumerateObject())
        {
            if (read.Contains(member.Name) || !cardInputs.Contains(member.Name))
            {
                kept[member.Name] = JsonNode.Parse(member.Value.GetRawText());
            }
        }

        return Read<T>(JsonSerializer.SerializeToElement(kept));
    }
}
