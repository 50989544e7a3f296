namespace BepBot.Features.Conferences;

public sealed record ReminderPayload(string SessionId, DateTimeOffset StartsAt, int OffsetMinutes);
