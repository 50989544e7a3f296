namespace BepBot.Features.Conferences;

public sealed record CardFact(string Title, string Value);
