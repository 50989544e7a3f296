namespace BepBot.Features.Projects;

/// <summary>About projects, but nothing fits: never guess, offer the closest names.</summary>
public sealed record NoProjectFound(string Question, IReadOnlyList<Project> Suggestions) : ProjectAnswer;
