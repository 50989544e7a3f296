using BepBot.Platform.Reachability;

namespace BepBot.Platform.Delivery;

/// <summary>
/// Why a delivery did not reach its recipient, kept as what happened rather than as words: the status card and the
/// report word it in their reader's language (<see cref="DeliveryReasons"/>).
/// </summary>
/// <param name="Status">Teams' last HTTP answer (0: none), or the one that marked the conversation gone.</param>
/// <param name="At">When the conversation was found gone, for <see cref="DeliveryReasonKind.ConversationGoneAtLaunch"/>.</param>
public sealed record DeliveryReason(DeliveryReasonKind Kind, int Attempts = 0, int Status = 0, DateTimeOffset? At = null)
{
    /// <summary>No conversation at launch: a channel without BepBot, or a person registered by e-mail or without BepBot.</summary>
    public static DeliveryReason NotReachableAtLaunch(Recipient recipient)
    {
        if (recipient.Member is not { } member)
        {
            return new(DeliveryReasonKind.ChannelUninstalled);
        }

        var reach = ReachabilityCheck.Of(member, recipient.Conversation);
        return reach.Status switch
        {
            ReachabilityStatus.PendingEmail => new(DeliveryReasonKind.PendingEmail),
            ReachabilityStatus.ConversationGone => new(DeliveryReasonKind.ConversationGoneAtLaunch, Status: reach.GoneStatus ?? 404, At: reach.GoneAt),
            _ => new(DeliveryReasonKind.NotInstalled),
        };
    }

    /// <param name="status">403 (the bot was removed) or 404 (the conversation is gone).</param>
    public static DeliveryReason Gone(int status) => new(status == 403 ? DeliveryReasonKind.BotRemoved : DeliveryReasonKind.ConversationGone, Status: status);

    /// <param name="status">Teams' last answer, 0 when there was none.</param>
    public static DeliveryReason Failed(int attempts, int status) => new(DeliveryReasonKind.Failed, attempts, status);
}
