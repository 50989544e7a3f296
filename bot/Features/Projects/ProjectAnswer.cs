namespace BepBot.Features.Projects;

public abstract record ProjectAnswer;
