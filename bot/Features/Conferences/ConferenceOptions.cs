namespace BepBot.Features.Conferences;

public sealed class ConferenceOptions
{
    public const string Section = "Conferences";

    /// <summary>Seed an upcoming demo session with its date poll (local play only).</summary>
    public bool SeedDemo { get; set; }

    /// <summary>The BEP mailbox that organises the Outlook events (app-only Graph: Calendars.ReadWrite on it).</summary>
    public string? OrganizerMailbox { get; set; }

    /// <summary>How long before the session the bourgmestres who have not answered are reminded. Default D-7 and D-1.</summary>
    public TimeSpan[]? ReminderOffsets { get; set; }

    public TimeSpan CalendarRetryDelay { get; set; } = TimeSpan.FromMinutes(5);

    public int CalendarMaxAttempts { get; set; } = 4;

    public IReadOnlyList<TimeSpan> Reminders => ReminderOffsets is { Length: > 0 } offsets ? offsets : [TimeSpan.FromDays(7), TimeSpan.FromDays(1)];
}
