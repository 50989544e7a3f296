namespace BepBot.Features.Votes;

public sealed record BallotChoice(string Id, string Label);
