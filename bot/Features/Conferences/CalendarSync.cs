namespace BepBot.Features.Conferences;

/// <summary>Where the Outlook event stands: the session is kept whatever Graph answers.</summary>
public sealed record CalendarSync(CalendarSyncState State, string? EventId = null, string? Reason = null, DateTimeOffset? UpdatedAt = null, int Attempts = 0);
