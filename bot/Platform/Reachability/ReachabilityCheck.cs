using BepBot.Chat;

namespace BepBot.Platform.Reachability;

/// <summary>Who BepBot can write to: a roster member is reachable when their personal conversation is saved and not found gone.</summary>
public sealed class ReachabilityCheck(ConversationDirectory conversations)
{
    public static MemberReachability Of(Member member, SavedConversation? conversation) =>
        member.IsPending ? new(member, ReachabilityStatus.PendingEmail)
        : conversation is null ? new(member, ReachabilityStatus.NotInstalled)
        : conversation.GoneAt is { } gone ? new(member, ReachabilityStatus.ConversationGone, conversation.Since, conversation.LastUsedAt, gone, conversation.GoneStatus)
        : new(member, ReachabilityStatus.Reachable, conversation.Since, conversation.LastUsedAt);

    /// <summary>The members in the order given; one read per bound member, none for a pending one.</summary>
    public async Task<IReadOnlyList<MemberReachability>> OfAsync(IReadOnlyList<Member> members, CancellationToken cancellationToken = default)
    {
        var found = await conversations.FindPersonalOfAsync(members, cancellationToken);
        return [.. members.Select((member, index) => Of(member, found[index]))];
    }
}
