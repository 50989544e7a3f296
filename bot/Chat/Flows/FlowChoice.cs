
namespace BepBot.Chat.Flows;

public sealed record FlowChoice(string Value, string Title);
