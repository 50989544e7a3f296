using System.Globalization;
using BepBot.Chat.Flows;

namespace BepBot.Chat;

/// <summary>One incoming message or card click, free of any Bot Framework type.</summary>
public sealed class ChatTurn(
    ChatUser user, ChatConversation conversation, CultureInfo culture, string text, ActiveFlows flows, IReadOnlyList<ChatAttachment>? attachments = null, string? cardActivityId = null)
{
    public ChatUser User { get; } = user;

    public ChatConversation Conversation { get; } = conversation;

    public CultureInfo Culture { get; } = culture;

    public string Text { get; } = text;

    /// <summary>Files and other attachments that came with the message (empty for card clicks).</summary>
    public IReadOnlyList<ChatAttachment> Attachments { get; } = attachments ?? [];

    /// <summary>The user's multi-step flows in this conversation; saved with the conversation state after the turn.</summary>
    public ActiveFlows Flows { get; } = flows;

    /// <summary>
    /// For a card click: the ids of the inputs that come along with the button (Teams merges their values into its
    /// data), for <see cref="CardData.Read{T}(System.Text.Json.JsonElement, IReadOnlySet{string})"/>. Empty otherwise.
    /// </summary>
    public IReadOnlySet<string> CardInputs { get; private init; } = new HashSet<string>();

    /// <summary>For a card click, the message that carries the clicked card (Teams' replyToId): the bot may update it later.</summary>
    public string? CardActivityId { get; } = cardActivityId;

    /// <summary>For a click that comes in bursts: whether it may be answered « pris en compte » before its work ends.</summary>
    public LateAnswer LateAnswer { get; init; } = LateAnswer.Never;

    /// <summary>
    /// How long since the activity arrived when the turn reached the router (its wait for a place, its claim, the
    /// roster): part of the time Teams waits for the answer.
    /// </summary>
    public TimeSpan Spent { get; init; }

    public bool IsEnglish => Culture.TwoLetterISOLanguageName == "en";

    /// <summary>This turn as if the person had typed <paramref name="text"/> (a command offered on a card); flows are the same object.</summary>
    public ChatTurn WithText(string text) =>
        new(User, Conversation, Culture, text, Flows, [], CardActivityId) { LateAnswer = LateAnswer, Spent = Spent };

    /// <summary>This turn, knowing the inputs of the card clicked; flows and attachments are the same objects.</summary>
    public ChatTurn WithCardInputs(IReadOnlySet<string> cardInputs) =>
        new(User, Conversation, Culture, Text, Flows, Attachments, CardActivityId) { CardInputs = cardInputs, LateAnswer = LateAnswer, Spent = Spent };
}
