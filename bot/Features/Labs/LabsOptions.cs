namespace BepBot.Features.Labs;

public sealed class LabsOptions
{
    public const string Section = "Labs";

    /// <summary>Seed two demo labs, one of them full with a waiting list (local play only).</summary>
    public bool SeedDemo { get; set; }

    /// <summary>How long before a lab its confirmed registrants get a reminder.</summary>
    public TimeSpan ReminderBefore { get; set; } = TimeSpan.FromDays(1);
}
