namespace BepBot.Features.Votes;

public sealed record AuditLease(string Owner, DateTimeOffset Until);
