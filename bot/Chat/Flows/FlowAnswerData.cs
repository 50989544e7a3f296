namespace BepBot.Chat.Flows;

public sealed record FlowAnswerData(string Flow, string Step, string? Value);
