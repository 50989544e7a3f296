using BepBot.Chat;

namespace BepBot.Platform.Delivery;

/// <summary>
/// What goes on the queue: which delivery to work on (the record in the store says whether to). The launch also
/// passes where to send it and the new record's ETag, so that a worker can claim it without reading it first:
/// two store calls per recipient instead of four. If the record moved on meanwhile, the claim fails and the worker reads it.
/// </summary>
public sealed record DeliveryWork(string BroadcastId, string RecipientKey, SavedConversation? Conversation = null, DeliveryRecord? Created = null, string? CreatedETag = null);
