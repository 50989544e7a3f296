namespace BepBot.Platform.Delivery;

/// <summary>
/// A card an earlier broadcast sent (its activity in the recipient's conversation), which a delivery of a card update
/// replaces. <see cref="ActivityId"/> is null for a card that was on its way when the update was planned: it may have
/// been drawn before the change, so the update waits for it to go out and then replaces it.
/// </summary>
public sealed record SentCard(string BroadcastId, string RecipientKey, string? ActivityId, BroadcastContent Content);
