namespace BepBot.Features.Conferences;

public sealed record PollData(string SessionId, string? D0 = null, string? D1 = null, string? D2 = null, string? D3 = null, string? D4 = null);
