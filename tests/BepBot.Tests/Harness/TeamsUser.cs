namespace BepBot.Tests.Harness;

/// <summary>A Teams user as activities carry them: a Teams id, a display name and the Entra object id.</summary>
public sealed record TeamsUser(string Id, string Name, string AadObjectId)
{
    /// <summary>The id of the user's personal chat with the bot; null for the harness's short one.</summary>
    public string? PersonalConversationId { get; init; }

    // The Microsoft 365 Agents Playground's default users, which the demo roster maps to every role.
    public static TeamsUser Alex { get; } = Demo(20, "Alex Wilber");

    public static TeamsUser Megan { get; } = Demo(21, "Megan Bowen");

    public static TeamsUser Adele { get; } = Demo(22, "Adele Vance");

    public static TeamsUser Isaiah { get; } = Demo(23, "Isaiah Langer");

    public static TeamsUser Patti { get; } = Demo(24, "Patti Fernandez");

    public static TeamsUser Lynne { get; } = Demo(25, "Lynne Robbins");

    public static TeamsUser Stranger { get; } = new("29:stranger", "Jean Inconnu", "7d1c2f9a-0b5e-4c1a-9f3e-2a4b6c8d0e1f");

    private static TeamsUser Demo(int number, string name) =>
        new($"29:demo-{number}", name, $"00000000-0000-0000-0000-00000000000{number}");
}
