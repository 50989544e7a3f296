namespace BepBot.Chat.Flows;

public sealed record FlowCancelData(string Flow);
