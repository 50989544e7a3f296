namespace BepBot.Platform.Sessions;

public sealed record AgendaChoice(string Id, string Title);
