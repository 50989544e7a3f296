namespace BepBot.Features.Labs;

public sealed class LabsOptions
{
    public const string Section = "Labs";

    /// <summary>How long before a lab its confirmed registrants get a reminder.</summary>
    public TimeSpan ReminderBefore { get; set; } = TimeSpan.FromDays(1);
}
