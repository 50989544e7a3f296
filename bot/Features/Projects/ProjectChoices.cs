namespace BepBot.Features.Projects;

/// <summary>Several projects fit about as well: the user picks.</summary>
public sealed record ProjectChoices(IReadOnlyList<Project> Projects, QuestionIntent Intent) : ProjectAnswer;
