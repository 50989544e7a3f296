namespace BepBot.Features.Conferences;

public sealed record AgendaLink(string Title, string Url);
