namespace BepBot.Platform.Delivery;

/// <summary>A card an earlier broadcast sent (its activity in the recipient's conversation), which a delivery of a card update replaces.</summary>
public sealed record SentCard(string BroadcastId, string RecipientKey, string ActivityId, BroadcastContent Content);
