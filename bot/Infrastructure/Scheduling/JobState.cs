namespace BepBot.Infrastructure.Scheduling;

public enum JobState
{
    Pending,
    Running,
    Done,
    Failed,
    Cancelled,
}
