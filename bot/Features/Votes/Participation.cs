namespace BepBot.Features.Votes;

/// <summary>
/// Secret ballot: who took part (votes/{ballot}/participation/{commune}). It says nothing of the choice, and the
/// anonymous ballot paper (<see cref="SecretVote"/>) says nothing of the commune.
/// </summary>
public sealed record Participation(string Commune, string CastBy, string CastByName, bool ByProcuration, DateTimeOffset CastAt);
