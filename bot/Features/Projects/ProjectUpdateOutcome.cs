namespace BepBot.Features.Projects;

public enum ProjectUpdateOutcome
{
    Updated,
    NotFound,
    Stale,
}
