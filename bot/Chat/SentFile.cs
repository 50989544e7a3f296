namespace BepBot.Chat;

/// <summary>A CSV file a staff member sent, downloaded: its name as sent, its bytes and its text (UTF-8 or Latin-1).</summary>
public sealed record SentFile(string Name, byte[] Content, string Text);
