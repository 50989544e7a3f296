namespace BepBot.Features.Votes;

/// <summary>What <see cref="AuditLog.VerifyAsync"/> found: null <see cref="FirstBroken"/> when the whole chain holds.</summary>
public sealed record AuditVerification(int Entries, int? FirstBroken, string? Problem, string HeadHash);
