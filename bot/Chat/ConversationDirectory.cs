using BepBot.Infrastructure.Storage;

namespace BepBot.Chat;

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
