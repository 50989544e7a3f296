namespace BepBot.Chat.Flows;

/// <summary>One running flow: which flow, which step, and the answers so far. Serialised in conversation state.</summary>
public sealed class FlowFrame
{
    public string FlowId { get; set; } = string.Empty;

    public string StepName { get; set; } = string.Empty;

    public Dictionary<string, string> Values { get; set; } = [];

    public DateTimeOffset StartedAt { get; set; }
}
