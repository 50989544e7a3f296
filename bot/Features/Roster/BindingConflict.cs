namespace BepBot.Features.Roster;

/// <summary>A person whose first contact matched roster entries by e-mail, but not exactly one that was free to bind.</summary>
/// <param name="Emails">The e-mail addresses of the entries that matched (the roster's own data, shown to staff only).</param>
public sealed record BindingConflict(string TenantId, string AadObjectId, string Name, IReadOnlyList<string> Emails, BindingConflictReason Reason, DateTimeOffset At);
