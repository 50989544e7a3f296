using System.Text.Json.Serialization;

namespace BepBot.Chat;

/// <summary>
/// Where the bot can write to later (proactive messages): what Teams gave us when the bot was installed or last
/// spoken to. SDK-free; the Teams layer maps it to a ConversationReference.
/// </summary>
/// <param name="ReachableSince">When this conversation was first saved (kept across re-saves; an uninstall deletes it).
/// Null in documents saved before it was recorded: their <paramref name="SavedAt"/> is the earliest date known.</param>
/// <param name="LastUsedAt">The person's last message or card click, to the hour (refreshed at most once an hour).</param>
/// <param name="GoneAt">When a proactive send was refused as gone (403: bot removed, 404: conversation gone, in
/// <paramref name="GoneStatus"/>); cleared when the person writes again or a later send goes through.</param>
public sealed record SavedConversation(
    string ConversationId,
    ConversationKind Kind,
    string? TenantId,
    string ServiceUrl,
    string ChannelId,
    string BotId,
    string? BotName,
    string? UserId,
    string? UserAadObjectId,
    string? TeamId,
    string Locale,
    DateTimeOffset SavedAt,
    string? Title = null,
    DateTimeOffset? ReachableSince = null,
    DateTimeOffset? LastUsedAt = null,
    DateTimeOffset? GoneAt = null,
    int? GoneStatus = null)
{
    [JsonIgnore]
    public DateTimeOffset Since => ReachableSince ?? SavedAt;
}
