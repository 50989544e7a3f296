namespace BepBot.Features.Conferences;

public sealed record CancelConfirmData(string SessionId, int Version);
