namespace BepBot.Features.Votes;

public enum BallotState
{
    Scheduled,
    Open,
    Closed,
}

public enum ChoiceMode
{
    One,
    Multiple,
}

public enum QuorumKind
{
    None,
    Communes,
    Percent,
}

public enum MajorityRule
{
    /// <summary>More than half of the votes cast (abstentions in the base only when the ballot says so).</summary>
    Simple,

    /// <summary>More than half of the communes in scope, whether they voted or not.</summary>
    AbsoluteOfScope,

    /// <summary>At least two thirds of the votes cast (same base as simple).</summary>
    TwoThirds,
}

public sealed record BallotChoice(string Id, string Label);

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

public enum BallotOutcome
{
    Adopted,
    Rejected,
    NoQuorum,
    Retained,
    NoMajority,
}

/// <summary>
/// One question put to the bourgmestres, stored at ballots/{id}. The communes in scope are frozen when the
/// ballot is created, so a roster change during the vote does not move the quorum or the majority.
/// </summary>
/// <param name="Bassin">Null: all 40 communes.</param>
/// <param name="QuorumValue">A number of communes, or a percentage of those in scope, depending on <paramref name="Quorum"/>.</param>
/// <param name="LiveResults">Staff see the running tally of an open ballot before the close (never for a secret ballot).</param>
public sealed record Ballot(
    string Id,
    string Question,
    string Explanation,
    IReadOnlyList<string> Links,
    IReadOnlyList<BallotChoice> Choices,
    ChoiceMode Mode,
    string? Bassin,
    IReadOnlyList<string> Communes,
    DateTimeOffset? OpensAt,
    DateTimeOffset? ClosesAt,
    bool Secret,
    QuorumKind Quorum,
    int QuorumValue,
    MajorityRule Majority,
    bool AbstentionsCount,
    bool LiveResults,
    string? SessionId,
    string? AgendaItemId,
    BallotState State,
    string CreatedBy,
    string CreatedByName,
    DateTimeOffset CreatedAt,
    DateTimeOffset? OpenedAt = null,
    DateTimeOffset? ClosedAt = null,
    BallotResult? Result = null)
{
    public const string AbstentionId = "abstention";
    public const string ForId = "pour";
    public const string AgainstId = "contre";

    /// <summary>Pour / Contre / Abstention: the result is adopted or rejected; otherwise a choice is retained.</summary>
    public bool IsMotion => Mode == ChoiceMode.One && Choices.Any(choice => choice.Id == ForId) && Choices.Any(choice => choice.Id == AgainstId);

    public bool InScope(string? commune) => commune is not null && Communes.Contains(commune, StringComparer.Ordinal);

    public BallotChoice? FindChoice(string id) => Choices.FirstOrDefault(choice => choice.Id == id);
}

/// <summary>
/// The vote of one commune in an open ballot: votes/{ballot}/votes/{commune}, created only if absent (one commune,
/// one vote), replaced under If-Match when the bourgmestre changes it.
/// </summary>
/// <param name="LastActionKey">Identifies the click that wrote it, so the same click replayed is recognised.</param>
public sealed record CommuneVote(
    string Commune,
    IReadOnlyList<string> ChoiceIds,
    string CastBy,
    string CastByName,
    bool ByProcuration,
    DateTimeOffset CastAt,
    int Revision,
    DateTimeOffset? FirstCastAt = null);

/// <summary>
/// Secret ballot: who took part (votes/{ballot}/participation/{commune}). It says nothing of the choice, and the
/// anonymous ballot paper (<see cref="SecretVote"/>) says nothing of the commune.
/// </summary>
public sealed record Participation(string Commune, string CastBy, string CastByName, bool ByProcuration, DateTimeOffset CastAt);

/// <summary>An anonymous ballot paper: votes/{ballot}/urn/{random}. Only the choice; no commune, person or time.</summary>
public sealed record SecretVote(IReadOnlyList<string> ChoiceIds);
