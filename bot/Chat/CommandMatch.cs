namespace BepBot.Chat;

public sealed record CommandMatch(CommandDefinition Command, string Arguments);
