using System.Text.Json.Nodes;

namespace BepBot.Cards;

/// <summary>
/// Teams' Universal Actions refresh: a card that declares a refresh action is redrawn for whoever looks at it, so a
/// card read a week later shows the ballot closed or the new date. Features declare what refreshes the card; the
/// Teams layer addresses it when it sends, because only it knows who the card goes to.
/// </summary>
public static class CardRefresh
{
    // Teams refreshes automatically for at most 60 listed users; everyone else refreshes by hand.
    public const int MaxUserIds = 60;

    /// <summary>Makes <paramref name="card"/> refresh itself with <paramref name="verb"/>; <paramref name="title"/> labels the manual button.</summary>
    public static JsonObject Declare(JsonObject card, string verb, JsonObject data, string title)
    {
        card["refresh"] = new JsonObject
        {
            // A refresh reads no input: none is sent with it, so a card's inputs never make its refresh refused as forged.
            ["action"] = new JsonObject { ["type"] = "Action.Execute", ["title"] = title, ["verb"] = verb, ["data"] = data, ["associatedInputs"] = "none" },
            ["userIds"] = new JsonArray(),
        };
        return card;
    }

    /// <summary>
    /// Names who gets the automatic refresh: the person of a personal chat, or up to 60 people in a group. Where a
    /// refresh cannot reach everyone (group chats, channels, a card to nobody known), the card also gets a visible
    /// button with the same action, so anyone can bring it up to date. Returns a copy; a card without refresh as it is.
    /// </summary>
    public static JsonObject AddressTo(JsonObject card, IReadOnlyCollection<string> userIds, bool personalChat)
    {
        if (card["refresh"]?["action"] is not JsonObject action)
        {
            return card;
        }

        var addressed = card.DeepClone().AsObject();
        addressed["refresh"]!["userIds"] = new JsonArray([.. userIds.Where(id => id.Length > 0).Distinct(StringComparer.Ordinal).Take(MaxUserIds).Select(id => (JsonNode)JsonValue.Create(id))]);
        if (!personalChat || userIds.Count == 0)
        {
            if (addressed["actions"] is not JsonArray actions)
            {
                addressed["actions"] = actions = [];
            }

            if (!actions.OfType<JsonObject>().Any(existing => (string?)existing["verb"] == (string?)action["verb"]))
            {
                actions.Add(action.DeepClone());
            }
        }

        return addressed;
    }
}
