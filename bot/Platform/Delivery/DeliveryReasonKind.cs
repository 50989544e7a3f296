namespace BepBot.Platform.Delivery;

public enum DeliveryReasonKind
{
    /// <summary>A channel BepBot is no longer installed in.</summary>
    ChannelUninstalled,

    /// <summary>At launch, a person registered by e-mail who never came.</summary>
    PendingEmail,

    /// <summary>At launch, a person with no personal conversation with BepBot.</summary>
    NotInstalled,

    /// <summary>At launch, a person whose conversation Teams called gone at an earlier send.</summary>
    ConversationGoneAtLaunch,

    /// <summary>The saved conversation was removed between launch and send (uninstalled).</summary>
    ConversationRemoved,

    /// <summary>The content has nothing to send any more (closed or cancelled meanwhile).</summary>
    NothingToSend,

    /// <summary>Teams answered 403: BepBot was removed from the conversation.</summary>
    BotRemoved,

    /// <summary>Teams answered 404: the conversation is gone.</summary>
    ConversationGone,

    /// <summary>Teams kept refusing, or never answered, until the last attempt.</summary>
    Failed,

    /// <summary>A record of the Development demo seed: nothing was sent.</summary>
    Demonstration,
}
