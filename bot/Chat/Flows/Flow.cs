using BepBot.Features.Roster;

namespace BepBot.Chat.Flows;

/// <summary>The answers collected so far, by step name.</summary>
public sealed class FlowValues(IReadOnlyDictionary<string, string> values)
{
    public string? this[string step] => values.GetValueOrDefault(step);

    public string Required(string step) =>
        values.TryGetValue(step, out var value) ? value : throw new InvalidOperationException($"Flow value '{step}' is missing.");

    public bool Has(string step) => values.ContainsKey(step);
}

public sealed record FlowChoice(string Value, string Title);

/// <summary>What a step asks: a question with either buttons (choices) or a text box.</summary>
public sealed record FlowPrompt(string Question, string? Hint = null, IReadOnlyList<FlowChoice>? Choices = null, string? Placeholder = null)
{
    public IReadOnlyList<FlowChoice> Choices { get; init; } = Choices ?? [];
}

public readonly record struct FlowAnswer(bool IsValid, string Value, string? Error)
{
    public static FlowAnswer Accept(string value) => new(true, value, null);

    public static FlowAnswer Reject(string error) => new(false, string.Empty, error);
}

/// <param name="Name">Key of the answer in <see cref="FlowValues"/>; also checked when a card answers, so stale cards are refused.</param>
/// <param name="Prompt">Builds the question (it may depend on earlier answers).</param>
/// <param name="Accept">Validates and normalises what the user typed or clicked.</param>
/// <param name="AppliesWhen">Skips the step when false (e.g. no commune for BEP staff).</param>
public sealed record FlowStep(
    string Name,
    Func<ChatTurn, FlowValues, FlowPrompt> Prompt,
    Func<ChatTurn, FlowValues, string, Task<FlowAnswer>> Accept,
    Func<FlowValues, bool>? AppliesWhen = null);

/// <summary>
/// A multi-step conversation (the Dialogs package is not served, so this is ours, shaped like a waterfall):
/// each step prompts, validates and re-prompts; `annuler` leaves at any step; the state lives in conversation state.
/// </summary>
public abstract class Flow
{
    public abstract string Id { get; }

    public virtual IReadOnlySet<Role> AllowedRoles => Roles.Everyone;

    /// <summary>Shown at the top of every prompt card.</summary>
    public abstract string Title(ChatTurn turn);

    public abstract IReadOnlyList<FlowStep> Steps { get; }

    public abstract Task<Reply> CompleteAsync(ChatTurn turn, FlowValues values, CancellationToken cancellationToken);
}
