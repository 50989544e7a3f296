namespace BepBot.Features.Votes.Dashboard;

/// <param name="Commune">The commune of the row's « Relancer »; null: every commune that has not voted.</param>
public sealed record BoardRemindData(string BallotId, string? Commune = null);
