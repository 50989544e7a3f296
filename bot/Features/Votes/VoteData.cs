namespace BepBot.Features.Votes;

/// <summary>
/// What a ballot card's button sends. Teams merges every input of the card into it: the multiple-choice boxes are
/// choices0 (own commune) and choices1 (the represented one); <see cref="Slot"/> says which box the button reads.
/// </summary>
public sealed record VoteData(string BallotId, string Commune, string? Choice = null, int? Slot = null, string? Choices0 = null, string? Choices1 = null);
