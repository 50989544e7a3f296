
namespace BepBot.Chat.Flows;

/// <param name="Name">Key of the answer in <see cref="FlowValues"/>; also checked when a card answers, so stale cards are refused.</param>
/// <param name="Prompt">Builds the question (it may depend on earlier answers).</param>
/// <param name="Accept">Validates and normalises what the user typed or clicked.</param>
/// <param name="AppliesWhen">Skips the step when false (e.g. no commune for BEP staff).</param>
public sealed record FlowStep(
    string Name,
    Func<ChatTurn, FlowValues, FlowPrompt> Prompt,
    Func<ChatTurn, FlowValues, string, Task<FlowAnswer>> Accept,
    Func<FlowValues, bool>? AppliesWhen = null);
