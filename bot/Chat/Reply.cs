using System.Text.Json.Nodes;

namespace BepBot.Chat;

/// <summary>One message the bot sends: plain text, an Adaptive Card, or both (text as the notification summary).</summary>
/// <param name="Alert">Also raise a notification in the recipient's Teams activity feed (broadcasts, reminders).</param>
public sealed record OutgoingMessage(string? Text, JsonObject? Card = null, bool Alert = false);

/// <summary>
/// What a command or a card action answers. <see cref="CardUpdate"/> replaces the clicked card in place
/// (Action.Execute); <see cref="Messages"/> are posted to the conversation.
/// </summary>
public sealed record Reply(IReadOnlyList<OutgoingMessage> Messages, JsonObject? CardUpdate = null)
{
    public static Reply None { get; } = new([]);

    public static Reply WithText(string text) => new([new OutgoingMessage(text)]);

    public static Reply WithCard(JsonObject card, string? summary = null) => new([new OutgoingMessage(summary, card)]);

    public static Reply UpdatingCard(JsonObject card) => new([], card);

    public Reply Then(Reply next) => new([.. Messages, .. next.Messages], next.CardUpdate ?? CardUpdate);
}
