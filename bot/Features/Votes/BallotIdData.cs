namespace BepBot.Features.Votes;

public sealed record BallotIdData(string BallotId);
