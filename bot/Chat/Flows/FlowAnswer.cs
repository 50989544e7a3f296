
namespace BepBot.Chat.Flows;

public readonly record struct FlowAnswer(bool IsValid, string Value, string? Error)
{
    public static FlowAnswer Accept(string value) => new(true, value, null);

    public static FlowAnswer Reject(string error) => new(false, string.Empty, error);
}
