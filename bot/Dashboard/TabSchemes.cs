namespace BepBot.Dashboard;

/// <summary>The two ways a person signs in to the tab: Teams' single sign-on, and the Development sign-in as a demo user.</summary>
public static class TabSchemes
{
    /// <summary>The scheme the tab's API asks for, which forwards each token to one of the two below.</summary>
    public const string Tab = "DashboardTab";

    public const string TeamsSso = "TeamsSso";

    public const string DevSignIn = "DevSignIn";

    public const string Policy = "DashboardTabUser";
}
