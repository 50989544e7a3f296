namespace BepBot.Chat;

/// <summary>
/// Where the bot can write to later (proactive messages): what Teams gave us when the bot was installed or last
/// spoken to. SDK-free; the Teams layer maps it to a ConversationReference.
/// </summary>
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
    string? Title = null);
