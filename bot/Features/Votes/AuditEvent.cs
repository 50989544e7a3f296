namespace BepBot.Features.Votes;

/// <summary>Something that happened to a ballot. Secret ballots record who took part, never what they chose.</summary>
/// <param name="Detail">The choice of an open ballot's vote, a procuration's holder, the outcome of the close…</param>
public sealed record AuditEvent(string Kind, DateTimeOffset At, string Actor, string? Commune = null, string? Detail = null);
