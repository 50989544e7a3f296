using BepBot.Chat;

namespace BepBot.Platform.Delivery;

/// <param name="Key">"user:{aadObjectId}" or "channel:{conversationId}": stable across re-runs of a launch.</param>
/// <param name="Conversation">Null when the person never opened BepBot: Teams gives no way to write to them yet.</param>
/// <param name="Member">The roster entry of a person (null for a channel): says why they cannot be reached.</param>
public sealed record Recipient(string Key, string Name, SavedConversation? Conversation, Member? Member = null);
