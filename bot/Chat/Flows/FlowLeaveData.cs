namespace BepBot.Chat.Flows;

/// <param name="Command">What the person typed, run once the flow is left.</param>
public sealed record FlowLeaveData(string Flow, string Step, string Command);
