namespace BepBot.Features.Conferences;

/// <param name="BallotId">The ballot this decision came from (votes feature), when it did.</param>
public sealed record Decision(string Text, string? Link = null, string? BallotId = null);
