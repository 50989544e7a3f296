namespace BepBot.Features.Votes;

/// <param name="VotesBase">What the majority is computed on: votes cast (with or without abstentions) or communes in scope.</param>
public sealed record BallotTally(
    IReadOnlyDictionary<string, int> Counts,
    int Participants,
    int InScope,
    int VotesBase,
    bool QuorumReached,
    BallotOutcome Outcome,
    IReadOnlyList<string> RetainedChoiceIds);
