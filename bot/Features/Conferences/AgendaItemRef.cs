namespace BepBot.Features.Conferences;

public sealed record AgendaItemRef(string SessionId, string Item);
