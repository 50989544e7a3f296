namespace BepBot.Features.Votes;

/// <summary>The last sealed entry (votes/{ballot}/audit-head): also what shows that nobody cut entries off the end.</summary>
public sealed record AuditHead(int Sequence, string Hash);
