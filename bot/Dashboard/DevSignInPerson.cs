namespace BepBot.Dashboard;

public sealed record DevSignInPerson(string AadObjectId, string Name, string RoleText);
