namespace BepBot.Features.Votes;

/// <summary>
/// The vote of one commune in an open ballot: votes/{ballot}/votes/{commune}, created only if absent (one commune,
/// one vote), replaced under If-Match when the bourgmestre changes it.
/// </summary>
public sealed record CommuneVote(
    string Commune,
    IReadOnlyList<string> ChoiceIds,
    string CastBy,
    string CastByName,
    bool ByProcuration,
    DateTimeOffset CastAt,
    int Revision,
    DateTimeOffset? FirstCastAt = null);
