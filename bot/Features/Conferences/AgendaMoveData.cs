namespace BepBot.Features.Conferences;

public sealed record AgendaMoveData(string SessionId, string Item, string Direction);
