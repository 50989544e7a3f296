namespace BepBot.Features.Projects;

public sealed record ProjectHit(Project Project, float Score);
