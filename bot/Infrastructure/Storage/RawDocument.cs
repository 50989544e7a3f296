namespace BepBot.Infrastructure.Storage;

public sealed record RawDocument(string Key, BinaryData Content, string ETag);
