namespace BepBot.Chat.Flows;

/// <summary>One running flow: which flow, which step, and the answers so far. Serialised in conversation state.</summary>
public sealed class FlowFrame
{
    public string FlowId { get; set; } = string.Empty;

    public string StepName { get; set; } = string.Empty;

    public Dictionary<string, string> Values { get; set; } = [];

    public DateTimeOffset StartedAt { get; set; }
}

/// <summary>The user's flows in a conversation, innermost last (a flow may start a sub-flow).</summary>
public sealed class ActiveFlows
{
    public List<FlowFrame> Frames { get; set; } = [];

    public FlowFrame? Current => Frames.Count == 0 ? null : Frames[^1];

    public void Push(FlowFrame frame) => Frames.Add(frame);

    public void Pop()
    {
        if (Frames.Count > 0)
        {
            Frames.RemoveAt(Frames.Count - 1);
        }
    }
}
