using BepBot.Chat;

namespace BepBot.Features.Roster;

/// <summary>
/// A roster file a staff member sent, kept between its preview and Confirmer: the rows as parsed, who sent it, and
/// the fingerprint of the roster it was previewed against (<see cref="RosterImportPlan.FingerprintOf"/>). The rows
/// are dropped once the import is applied, cancelled or superseded; the record stays so that a late click is told why.
/// </summary>
public sealed record RosterImport(
    string Id,
    string FileName,
    string AuthorAadObjectId,
    string? AuthorTenantId,
    string AuthorName,
    IReadOnlyList<Member> Rows,
    string PreviewedFingerprint,
    DateTimeOffset PreviewedAt,
    RosterImportStatus Status);
