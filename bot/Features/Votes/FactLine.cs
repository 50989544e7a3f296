namespace BepBot.Features.Votes;

public sealed record FactLine(string Label, string Value);
