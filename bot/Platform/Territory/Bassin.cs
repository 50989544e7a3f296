namespace BepBot.Platform.Territory;

public sealed record Bassin(string Id, string Name, string ShortName, IReadOnlyList<string> Communes);
