using BepBot.Infrastructure.Storage;

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

public sealed class ConversationDirectory(IDocumentStore store)
{
    private const string PersonalPrefix = "conversations/personal/";
    private const string SharedPrefix = "conversations/shared/";

    /// <summary>Saves or refreshes the conversation; returns true when it was not known before (a new installation).</summary>
    public async Task<bool> SaveAsync(SavedConversation conversation, CancellationToken cancellationToken = default)
    {
        var key = KeyOf(conversation);
        try
        {
            await store.CreateAsync(key, conversation, cancellationToken);
            return true;
        }
        catch (DocumentConflictException)
        {
            await store.UpsertAsync(key, conversation, cancellationToken);
            return false;
        }
    }

    public async Task<bool> RemoveAsync(ConversationKind kind, string conversationId, string? userAadObjectId, CancellationToken cancellationToken = default) =>
        await store.DeleteAsync(KeyOf(kind, conversationId, userAadObjectId), cancellationToken: cancellationToken);

    public async Task<SavedConversation?> FindPersonalAsync(string userAadObjectId, CancellationToken cancellationToken = default) =>
        (await store.GetAsync<SavedConversation>(PersonalPrefix + DocumentKey.Segment(userAadObjectId.ToLowerInvariant()), cancellationToken))?.Value;

    public async Task<SavedConversation?> FindSharedAsync(string conversationId, CancellationToken cancellationToken = default) =>
        (await store.GetAsync<SavedConversation>(SharedPrefix + DocumentKey.Segment(conversationId), cancellationToken))?.Value;

    public IAsyncEnumerable<Document<SavedConversation>> ListPersonalAsync(CancellationToken cancellationToken = default) =>
        store.ListAsync<SavedConversation>(PersonalPrefix, cancellationToken);

    public IAsyncEnumerable<Document<SavedConversation>> ListSharedAsync(CancellationToken cancellationToken = default) =>
        store.ListAsync<SavedConversation>(SharedPrefix, cancellationToken);

    private static string KeyOf(SavedConversation conversation) =>
        KeyOf(conversation.Kind, conversation.ConversationId, conversation.UserAadObjectId);

    // A personal chat is found by its user (one per person); group chats and channels by their conversation id.
    private static string KeyOf(ConversationKind kind, string conversationId, string? userAadObjectId) =>
        kind == ConversationKind.Personal && userAadObjectId is not null
            ? PersonalPrefix + DocumentKey.Segment(userAadObjectId.ToLowerInvariant())
            : SharedPrefix + DocumentKey.Segment(conversationId);
}

/// <summary>Sends a message into a saved conversation, outside of any user turn (broadcasts, reminders).</summary>
public interface IProactiveMessenger
{
    /// <returns>The id Teams gave the sent activity.</returns>
    /// <exception cref="ProactiveSendException">Teams refused or failed the request.</exception>
    Task<string?> SendAsync(SavedConversation conversation, OutgoingMessage message, CancellationToken cancellationToken = default);

    /// <summary>Replaces a message the bot sent earlier (a status card that updates itself).</summary>
    /// <exception cref="ProactiveSendException">Teams refused or failed the request.</exception>
    Task UpdateAsync(SavedConversation conversation, string activityId, OutgoingMessage message, CancellationToken cancellationToken = default);
}

/// <summary>The Bot Connector answered with an error status (429 throttled, 403 bot removed, 404 conversation gone, 5xx...).</summary>
public sealed class ProactiveSendException : Exception
{
    public ProactiveSendException()
    {
    }

    public ProactiveSendException(string message)
        : base(message)
    {
    }

    public ProactiveSendException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public ProactiveSendException(int statusCode, TimeSpan? retryAfter, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        StatusCode = statusCode;
        RetryAfter = retryAfter;
    }

    /// <summary>The HTTP status, or 0 when the connector could not be reached at all.</summary>
    public int StatusCode { get; }

    public TimeSpan? RetryAfter { get; }
}
