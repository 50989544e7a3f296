namespace BepBot.Infrastructure.Storage;

public sealed record Document<T>(string Key, T Value, string ETag);
