using System.Text.Json.Nodes;

namespace BepBot.Chat;

/// <summary>One message the bot sends: plain text, an Adaptive Card, or both (text as the notification summary).</summary>
/// <param name="Alert">Also raise a notification in the recipient's Teams activity feed (broadcasts, reminders).</param>
public sealed record OutgoingMessage(string? Text, JsonObject? Card = null, bool Alert = false);
