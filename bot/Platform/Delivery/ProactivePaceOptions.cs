namespace BepBot.Platform.Delivery;

public sealed class ProactivePaceOptions
{
    // Kept under "Bot" (Bot:ProactiveMessagesPerSecond), where deployments already set it.
    public const string Section = "Bot";

    /// <summary>Pace of proactive calls (sends and updates): Teams allows a bot about 50 per second; stay just under.</summary>
    public double ProactiveMessagesPerSecond { get; set; } = 48;
}
