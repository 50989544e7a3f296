namespace BepBot.Features.Votes;

/// <summary>
/// Secret ballot: a commune took part (votes/{ballot}/participation/{commune}), written in one create so that a
/// crash never leaves a participation without its choice nor a choice without its participation.
/// </summary>
/// <param name="SealedChoice">
/// The choice, sealed by <see cref="BallotSeal"/> until the close has counted it, then erased: after the close nothing
/// in the store links the commune to what it chose.
/// </param>
public sealed record Participation(string Commune, string CastBy, string CastByName, bool ByProcuration, DateTimeOffset CastAt, string? SealedChoice = null);
