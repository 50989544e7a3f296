namespace BepBot.Features.Votes;

/// <summary>What the close decided, frozen on the ballot so the result card, the export and the session's relevé agree.</summary>
public sealed record BallotResult(
    IReadOnlyDictionary<string, int> Counts,
    int Participants,
    int InScope,
    bool QuorumReached,
    BallotOutcome Outcome,
    IReadOnlyList<string> RetainedChoiceIds,
    string AuditHeadHash,
    int AuditEntries,
    DateTimeOffset ComputedAt);
