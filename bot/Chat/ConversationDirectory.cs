using System.Collections.Concurrent;
using BepBot.Infrastructure.Storage;

namespace BepBot.Chat;

public sealed class ConversationDirectory(IDocumentStore store)
{
    /// <summary>How stale "last used" may be: it is written at most once per this interval and person.</summary>
    public static readonly TimeSpan LastUsedResolution = TimeSpan.FromHours(1);

    private const string PersonalPrefix = "conversations/personal/";
    private const string SharedPrefix = "conversations/shared/";

    // People whose "last used" this instance refreshed (or found fresh) within the hour: their clicks read nothing more.
    private readonly ConcurrentDictionary<string, DateTimeOffset> _recentlyUsed = new(StringComparer.Ordinal);

    /// <summary>
    /// Saves or refreshes the conversation; returns true when it was not known before (a new installation). A refresh
    /// keeps when the bot could first write there and when the person last used it.
    /// </summary>
    public async Task<bool> SaveAsync(SavedConversation conversation, CancellationToken cancellationToken = default)
    {
        var key = KeyOf(conversation);
        try
        {
            await store.CreateAsync(key, conversation with { ReachableSince = conversation.ReachableSince ?? conversation.SavedAt }, cancellationToken);
            return true;
        }
        catch (DocumentConflictException)
        {
            await store.UpdateAsync<SavedConversation>(key, existing => Refreshed(existing, conversation, conversation.LastUsedAt ?? existing?.LastUsedAt), cancellationToken: cancellationToken);
            return false;
        }
    }

    /// <summary>
    /// On each message: writes the conversation only when it is new, Teams changed where to reach it (locale, service
    /// URL, id), a send found it gone, or a personal chat's "last used" is an hour old. <paramref name="mayWrite"/> is
    /// asked only then.
    /// </summary>
    public async Task RememberAsync(SavedConversation current, Func<Task<bool>> mayWrite, CancellationToken cancellationToken = default)
    {
        var key = KeyOf(current);
        var saved = await store.GetAsync<SavedConversation>(key, cancellationToken);
        var now = current.SavedAt;
        if (saved is { Value: var known }
            && known.Locale == current.Locale && known.ServiceUrl == current.ServiceUrl && known.ConversationId == current.ConversationId
            && known.GoneAt is null && (known.Kind != ConversationKind.Personal || !IsStale(known.LastUsedAt, now)))
        {
            NoteUsed(current, now);
            return;
        }

        if (!await mayWrite())
        {
            return;
        }

        await store.UpdateFromAsync<SavedConversation, bool>(key, saved, existing => (Refreshed(existing, current, now), true), cancellationToken: cancellationToken);
        NoteUsed(current, now);
    }

    /// <summary>
    /// A card click or a message outside the personal chat: refreshes the person's "last used" on their personal
    /// conversation, at most once an hour, and reads it at most once an hour per instance.
    /// </summary>
    public async Task TouchAsync(string userAadObjectId, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var id = userAadObjectId.ToLowerInvariant();
        if (_recentlyUsed.TryGetValue(id, out var at) && now - at < LastUsedResolution)
        {
            return;
        }

        var key = PersonalPrefix + DocumentKey.Segment(id);
        var saved = await store.GetAsync<SavedConversation>(key, cancellationToken);
        if (saved is not null && IsStale(saved.Value.LastUsedAt, now))
        {
            await store.UpdateFromAsync<SavedConversation, bool>(
                key,
                saved,
                existing => existing is not null && IsStale(existing.LastUsedAt, now) ? (existing with { LastUsedAt = now }, true) : (null, false),
                cancellationToken: cancellationToken);
        }

        _recentlyUsed[id] = now;
    }

    /// <summary>A proactive send was refused as gone: say so on the conversation, if it is still the one that was tried.</summary>
    public Task MarkGoneAsync(SavedConversation triedConversation, int status, DateTimeOffset at, CancellationToken cancellationToken = default) =>
        store.ChangeAsync<SavedConversation>(
            KeyOf(triedConversation),
            existing => existing.ConversationId == triedConversation.ConversationId && existing.GoneAt is null ? existing with { GoneAt = at, GoneStatus = status } : null,
            cancellationToken: cancellationToken);

    /// <summary>A send went through to a conversation once found gone: it is reachable again.</summary>
    public Task ClearGoneAsync(SavedConversation conversation, CancellationToken cancellationToken = default) =>
        store.ChangeAsync<SavedConversation>(
            KeyOf(conversation),
            existing => existing.ConversationId == conversation.ConversationId && existing.GoneAt is not null ? existing with { GoneAt = null, GoneStatus = null } : null,
            cancellationToken: cancellationToken);

    public async Task<bool> RemoveAsync(ConversationKind kind, string conversationId, string? userAadObjectId, CancellationToken cancellationToken = default) =>
        await store.DeleteAsync(KeyOf(kind, conversationId, userAadObjectId), cancellationToken: cancellationToken);

    public async Task<SavedConversation?> FindPersonalAsync(string userAadObjectId, CancellationToken cancellationToken = default) =>
        (await store.GetAsync<SavedConversation>(PersonalPrefix + DocumentKey.Segment(userAadObjectId.ToLowerInvariant()), cancellationToken))?.Value;

    public async Task<SavedConversation?> FindSharedAsync(string conversationId, CancellationToken cancellationToken = default) =>
        (await store.GetAsync<SavedConversation>(SharedPrefix + DocumentKey.Segment(conversationId), cancellationToken))?.Value;

    /// <summary>
    /// The personal conversation of each member, in the order given (null where there is none); a member registered
    /// by e-mail and not yet bound has none, and costs no read.
    /// </summary>
    public async Task<SavedConversation?[]> FindPersonalOfAsync(IReadOnlyList<Member> members, CancellationToken cancellationToken = default)
    {
        var found = new SavedConversation?[members.Count];
        var bound = Enumerable.Range(0, members.Count).Where(index => !members[index].IsPending).ToList();
        var saved = await store.GetManyAsync<SavedConversation>([.. bound.Select(index => PersonalPrefix + DocumentKey.Segment(members[index].AadObjectId.ToLowerInvariant()))], cancellationToken);
        for (var read = 0; read < bound.Count; read++)
        {
            found[bound[read]] = saved[read]?.Value;
        }

        return found;
    }

    public IAsyncEnumerable<Document<SavedConversation>> ListPersonalAsync(CancellationToken cancellationToken = default) =>
        store.ListAsync<SavedConversation>(PersonalPrefix, cancellationToken);

    public IAsyncEnumerable<Document<SavedConversation>> ListSharedAsync(CancellationToken cancellationToken = default) =>
        store.ListAsync<SavedConversation>(SharedPrefix, cancellationToken);

    private static bool IsStale(DateTimeOffset? lastUsedAt, DateTimeOffset now) => lastUsedAt is not { } at || now - at >= LastUsedResolution;

    // A conversation Teams gave again is live: whatever a send found before is over.
    private static SavedConversation Refreshed(SavedConversation? existing, SavedConversation current, DateTimeOffset? lastUsedAt) =>
        current with
        {
            ReachableSince = existing is null || existing.ConversationId != current.ConversationId ? current.SavedAt : existing.Since,
            LastUsedAt = lastUsedAt,
            GoneAt = null,
            GoneStatus = null,
        };

    private void NoteUsed(SavedConversation conversation, DateTimeOffset now)
    {
        if (conversation is { Kind: ConversationKind.Personal, UserAadObjectId: { } user })
        {
            _recentlyUsed[user.ToLowerInvariant()] = now;
        }
    }

    private static string KeyOf(SavedConversation conversation) =>
        KeyOf(conversation.Kind, conversation.ConversationId, conversation.UserAadObjectId);

    // A personal chat is found by its user (one per person); group chats and channels by their conversation id.
    private static string KeyOf(ConversationKind kind, string conversationId, string? userAadObjectId) =>
        kind == ConversationKind.Personal && userAadObjectId is not null
            ? PersonalPrefix + DocumentKey.Segment(userAadObjectId.ToLowerInvariant())
            : SharedPrefix + DocumentKey.Segment(conversationId);
}
