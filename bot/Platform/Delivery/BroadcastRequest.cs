using BepBot.Chat;

namespace BepBot.Platform.Delivery;

/// <param name="AuthorConversation">Where the live delivery status card goes; null for broadcasts the bot sends on its own (reminders).</param>
/// <param name="ScheduledFor">Null: now.</param>
/// <param name="Updates">Set by <see cref="CardUpdates"/>: the deliveries are the cards sent earlier about a subject, updated in place.</param>
/// <param name="Id">Letters and digits only (at most 64): a stable id makes a retried job start the broadcast once.</param>
public sealed record BroadcastRequest(
    string Title,
    string Message,
    Audience Audience,
    string AuthorAadObjectId,
    string AuthorName,
    BroadcastContent? Content = null,
    SavedConversation? AuthorConversation = null,
    DateTimeOffset? ScheduledFor = null,
    string? Id = null,
    CardUpdate? Updates = null);
