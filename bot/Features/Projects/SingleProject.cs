namespace BepBot.Features.Projects;

/// <summary>One project answers the question; <see cref="Intent"/> says which fields the card leads with.</summary>
public sealed record SingleProject(Project Project, QuestionIntent Intent) : ProjectAnswer;
