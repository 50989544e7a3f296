namespace BepBot.Platform.Procurations;

/// <summary>
/// A bourgmestre gives their commune's vote to another roster member for one ballot or one session.
/// Stored twice, each created only if absent: once under the giving commune (a commune gives at most one) and once
/// under the holder (a holder carries at most one), so neither rule depends on a check-then-write race.
/// </summary>
/// <param name="UsedAt">Set when the holder first votes with it; from then on it cannot be withdrawn.</param>
public sealed record Procuration(
    ProcurationScope Scope,
    string ScopeId,
    string GiverCommune,
    string GiverAadObjectId,
    string GiverName,
    string HolderAadObjectId,
    string HolderName,
    string? HolderCommune,
    DateTimeOffset GivenAt,
    DateTimeOffset? UsedAt = null);
