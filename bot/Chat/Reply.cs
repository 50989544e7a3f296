using System.Text.Json.Nodes;

namespace BepBot.Chat;

/// <summary>
/// What a command or a card action answers. <see cref="CardUpdate"/> replaces the clicked card in place
/// (Action.Execute); <see cref="Messages"/> are posted to the conversation.
/// </summary>
public sealed record Reply(IReadOnlyList<OutgoingMessage> Messages, JsonObject? CardUpdate = null)
{
    /// <summary>
    /// Set when the click's work outlived the answer (<see cref="LateAnswerOptions"/>): this reply is the « pris en
    /// compte » card, and the work's own reply replaces it in the conversation once it ends.
    /// </summary>
    public Task<Reply>? Later { get; init; }

    public static Reply None { get; } = new([]);

    public static Reply WithText(string text) => new([new OutgoingMessage(text)]);

    public static Reply WithCard(JsonObject card, string? summary = null) => new([new OutgoingMessage(summary, card)]);

    public static Reply UpdatingCard(JsonObject card) => new([], card);

    public Reply Then(Reply next) => new([.. Messages, .. next.Messages], next.CardUpdate ?? CardUpdate);
}
