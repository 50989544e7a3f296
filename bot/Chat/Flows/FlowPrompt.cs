
namespace BepBot.Chat.Flows;

/// <summary>What a step asks: a question with either buttons (choices) or a text box.</summary>
public sealed record FlowPrompt(string Question, string? Hint = null, IReadOnlyList<FlowChoice>? Choices = null, string? Placeholder = null)
{
    public IReadOnlyList<FlowChoice> Choices { get; init; } = Choices ?? [];
}
