namespace BepBot.Features.Votes;

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
