namespace BepBot.Features.Votes;

/// <summary>An anonymous ballot paper: votes/{ballot}/urn/{random}. Only the choice; no commune, person or time.</summary>
public sealed record SecretVote(IReadOnlyList<string> ChoiceIds);
