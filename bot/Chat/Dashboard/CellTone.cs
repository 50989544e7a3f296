namespace BepBot.Chat.Dashboard;

/// <summary>How a value stands (reached, to watch, failed). The tab adds a colour and an icon, never colour alone: the text says it too.</summary>
public enum CellTone
{
    Neutral,
    Good,
    Warning,
    Bad,
}
