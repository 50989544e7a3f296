namespace BepBot.Features.Roster;

public sealed record RosterImportData(string ImportId);
