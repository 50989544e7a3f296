namespace BepBot.Chat;

/// <summary>A word people open a message with (« bonjour »): alone, it gets the help card; before a command, it is set aside.</summary>
public sealed record Greeting(string Phrase);
