namespace BepBot.Features.Votes;

public sealed record GiveProxyData(string BallotId, string? Holder = null, string? Scope = null);
