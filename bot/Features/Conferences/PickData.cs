namespace BepBot.Features.Conferences;

public sealed record PickData(string SessionId, int Date);
