using System.Text.Json.Nodes;

namespace BepBot.Chat;

/// <summary>One message the bot sends: plain text, an Adaptive Card, or both (text as the notification summary).</summary>
/// <param name="Alert">Also raise a notification in the recipient's Teams activity feed (broadcasts, reminders).</param>
/// <param name="Offer">A file offered for the person's OneDrive (Teams' file-consent card), instead of a card.</param>
/// <param name="Shared">A file put into the person's OneDrive (Teams' file card), instead of a card.</param>
public sealed record OutgoingMessage(string? Text, JsonObject? Card = null, bool Alert = false, FileOffer? Offer = null, SharedFile? Shared = null);
