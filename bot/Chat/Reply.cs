using System.Text.Json.Nodes;

namespace BepBot.Chat;

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
