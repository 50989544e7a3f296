namespace BepBot.Chat.Dashboard;

public enum ChartKind
{
    Bar,
    Line,
}
