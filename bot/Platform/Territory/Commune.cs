namespace BepBot.Platform.Territory;

public sealed record Commune(string Name, Bassin Bassin);
