namespace BepBot.Features.Projects;

public sealed record ProjectReference(string ProjectId);
