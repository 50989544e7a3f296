namespace BepBot.Features.Projects;

public sealed record ProjectUpdateResult(ProjectUpdateOutcome Outcome, Project? Project);
