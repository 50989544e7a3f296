namespace BepBot.Features.Labs;

public sealed record CardFact(string Label, string Value);
