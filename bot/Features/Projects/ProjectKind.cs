namespace BepBot.Features.Projects;

public enum ProjectKind
{
    Project,
    Central,
}
