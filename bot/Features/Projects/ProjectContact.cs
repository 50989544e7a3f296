namespace BepBot.Features.Projects;

public sealed record ProjectContact(string Name, string Email);
