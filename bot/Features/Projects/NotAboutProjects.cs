namespace BepBot.Features.Projects;

public sealed record NotAboutProjects : ProjectAnswer;
