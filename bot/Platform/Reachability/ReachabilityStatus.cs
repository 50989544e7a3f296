namespace BepBot.Platform.Reachability;

/// <summary>Whether BepBot can write to a roster member now, and if not, why.</summary>
public enum ReachabilityStatus
{
    Reachable,

    /// <summary>Registered by e-mail and not yet bound: the person has never used BepBot.</summary>
    PendingEmail,

    /// <summary>Bound, but no personal conversation: BepBot was never installed, or was removed since.</summary>
    NotInstalled,

    /// <summary>Teams answered 403 or 404 at the last proactive send to their conversation.</summary>
    ConversationGone,
}
