using BepBot.Chat;

namespace BepBot.Features.Broadcasts;

public enum AudienceKind
{
    AllBourgmestres,
    BassinBourgmestres,
    AllOfficers,
    CommuneOfficers,
    Everyone,
    Channel,
    Members,
}

/// <param name="Bassin">Bassin id, for <see cref="AudienceKind.BassinBourgmestres"/>.</param>
/// <param name="Commune">Commune name, for <see cref="AudienceKind.CommuneOfficers"/>.</param>
/// <param name="ChannelConversationId">A channel where the bot is installed, for <see cref="AudienceKind.Channel"/>.</param>
/// <param name="Members">AAD object ids of roster members, for <see cref="AudienceKind.Members"/> (registrants, non-voters…).</param>
public sealed record Audience(AudienceKind Kind, string? Bassin = null, string? Commune = null, string? ChannelConversationId = null, IReadOnlyList<string>? Members = null);

public enum BroadcastState
{
    Draft,
    Scheduled,
    Sending,
    Completed,
    Cancelled,
}

/// <summary>An announcement (or an agenda) sent by BEP staff to an audience. Stored at broadcasts/{id}/broadcast.</summary>
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
    BroadcastContent? Content = null);

/// <summary>What one bot instance has finished for one broadcast: broadcasts/{id}/progress/{instance}, one writer each.</summary>
public sealed record BroadcastProgress(int Sent, int Failed, int Unreachable, DateTimeOffset UpdatedAt)
{
    public int Final => Sent + Failed + Unreachable;
}

public enum DeliveryStatus
{
    Pending,
    Sending,
    Retrying,
    Sent,
    Failed,
    Unreachable,
}

/// <summary>
/// One recipient of one broadcast: the single source of truth on whether they got it. A worker claims it
/// (Sending, with a claim deadline) before sending, so a retried or re-delivered queue message never sends twice.
/// </summary>
public sealed record Delivery(
    string BroadcastId,
    string RecipientKey,
    string RecipientName,
    DeliveryStatus Status,
    int Attempts,
    DateTimeOffset UpdatedAt,
    string? Reason = null,
    DateTimeOffset? SentAt = null,
    string? ActivityId = null,
    DateTimeOffset? ClaimedUntil = null)
{
    public bool IsFinal => Status is DeliveryStatus.Sent or DeliveryStatus.Failed or DeliveryStatus.Unreachable;
}

/// <summary>
/// What goes on the queue: which delivery to work on (the record in the store says whether to). The launch also
/// passes where to send it and the new record's ETag, so that a worker can claim it without reading it first:
/// two store calls per recipient instead of four. If the record moved on meanwhile, the claim fails and the worker reads it.
/// </summary>
public sealed record DeliveryWork(string BroadcastId, string RecipientKey, SavedConversation? Conversation = null, Delivery? Created = null, string? CreatedETag = null);
