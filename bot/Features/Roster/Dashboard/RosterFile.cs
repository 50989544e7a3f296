namespace BepBot.Features.Roster.Dashboard;

/// <summary>The tab's import form: the CSV file read as text, and its name when the tab gives it.</summary>
public sealed record RosterFile(string File, string? FileName = null);
