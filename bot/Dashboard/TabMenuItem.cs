namespace BepBot.Dashboard;

public sealed record TabMenuItem(string Name, string Title);
