namespace BepBot.Features.Conferences;

public enum CalendarSyncState
{
    NotConfigured,
    Pending,
    Synced,
    Failed,
    Cancelled,
}
