using BepBot.Chat;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace BepBot.Teams;

/// <summary>
/// The few facts BepBot takes from an activity's Teams channel data, read field by field. The SDK's
/// <c>GetChannelData&lt;TeamsChannelData&gt;()</c> parses the whole object strictly, so one field the bot never uses, in a
/// shape the SDK does not expect (Microsoft's own documented channel message carries <c>"onBehalfOf": "[]"</c>), would
/// fail the whole turn.
/// </summary>
public sealed record TeamsChannelFields(string? TenantId, string? TeamId, string? TeamName, string? ChannelId, string? ChannelName)
{
    public static TeamsChannelFields Of(IActivity activity)
    {
        var data = activity.ChannelData as JObject;
        return new(
            TextAt(data, "tenant", "id"),
            TextAt(data, "team", "id") ?? TextAt(data, "teamsTeamId"),
            TextAt(data, "team", "name"),
            TextAt(data, "channel", "id") ?? TextAt(data, "teamsChannelId"),
            TextAt(data, "channel", "name"));
    }

    /// <summary>The tenant of the activity: the conversation's, else the channel data's.</summary>
    public static string? TenantOf(IActivity activity) =>
        activity.Conversation?.TenantId is { Length: > 0 } tenant ? tenant : Of(activity).TenantId;

    /// <summary>
    /// Teams names the kind in conversation.conversationType, but not in every activity it documents: a message in a
    /// team's channel carries the channel in its channel data, and a group chat says isGroup.
    /// </summary>
    public static ConversationKind KindOf(IActivity activity) => activity.Conversation?.ConversationType switch
    {
        "channel" => ConversationKind.Channel,
        "groupChat" => ConversationKind.GroupChat,
        "personal" => ConversationKind.Personal,
        _ when Of(activity).ChannelId is not null => ConversationKind.Channel,
        _ when activity.Conversation?.IsGroup == true => ConversationKind.GroupChat,
        _ => ConversationKind.Personal,
    };

    private static string? TextAt(JToken? token, params string[] path)
    {
        foreach (var name in path)
        {
            token = token is JObject node ? node[name] : null;
        }

        return token is JValue { Type: JTokenType.String, Value: string { Length: > 0 } text } ? text : null;
    }
}
