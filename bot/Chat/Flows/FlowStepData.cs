namespace BepBot.Chat.Flows;

public sealed record FlowStepData(string Flow, string Step);
