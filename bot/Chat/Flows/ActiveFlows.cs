namespace BepBot.Chat.Flows;

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
