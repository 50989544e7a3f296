using BepBot.Chat;

namespace BepBot.Platform.Delivery;

/// <summary>
/// An announcement (or an agenda) sent by BEP staff to an audience, or, with <see cref="Updates"/>, the update of the cards
/// earlier broadcasts sent about a subject. Stored at broadcasts/index/{id}.
/// </summary>
public sealed record Broadcast(
    string Id,
    string Title,
    string Message,
    Audience Audience,
    string AuthorAadObjectId,
    string AuthorName,
    DateTimeOffset CreatedAt,
    DateTimeOffset? ScheduledFor,
    BroadcastState State,
    SavedConversation? AuthorConversation = null,
    string? StatusActivityId = null,
    int RecipientCount = 0,
    DateTimeOffset? StartedAt = null,
    DateTimeOffset? CompletedAt = null,
    int UnreachableAtLaunch = 0,
    int ProgressAtLastWatch = -1,
    BroadcastContent? Content = null,
    CardUpdate? Updates = null);
