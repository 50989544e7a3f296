namespace BepBot.Chat.Dashboard;

public sealed record Fact(string Label, string Value, CellTone Tone = CellTone.Neutral);
