namespace BepBot.Features.Projects;

public sealed record ProjectList(IReadOnlyList<Project> Projects, ProjectFilter Filter, bool Centrals) : ProjectAnswer;
