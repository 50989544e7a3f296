namespace BepBot.Features.Votes;

/// <summary>One link of the chain: votes/{ballot}/audit/{seq:D6}, created only if absent, carrying the hash of the previous entry.</summary>
public sealed record AuditEntry(int Sequence, string Kind, DateTimeOffset At, string Actor, string? Commune, string? Detail, string JournalId, string PreviousHash);
