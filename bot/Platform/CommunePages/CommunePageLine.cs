namespace BepBot.Platform.CommunePages;

public sealed record CommunePageLine(string Text, string? Detail = null);
