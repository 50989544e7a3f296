namespace BepBot.Chat;

/// <summary>
/// The reply of a click answered « pris en compte » (<see cref="Reply.Later"/>), delivered when its work ends: it
/// replaces the card on screen and its messages are posted, at the pace of everything proactive.
/// </summary>
public interface ILateReplies
{
    /// <returns>Whether the work ended with a reply (its claim is then completed); false when it failed (released).</returns>
    Task<bool> DeliverWhenDoneAsync(SavedConversation conversation, string? cardActivityId, Task<Reply> work);
}
