namespace BepBot.Features.Conferences;

public sealed record SessionRef(string SessionId);
