namespace BepBot.Dashboard;

/// <summary>An error the tab shows as it is: already worded in the reader's language.</summary>
public sealed record TabProblem(string Message);
