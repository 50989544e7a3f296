namespace BepBot.Features.Projects;

public enum ProjectStatus
{
    Study,
    InProgress,
    Operational,
    Completed,
    Suspended,
}
