namespace BepBot.Features.Conferences;

public sealed record RsvpData(string SessionId, string Answer, string? Holder = null);
