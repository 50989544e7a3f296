namespace BepBot.Dashboard;

public sealed record DevSignInRequest(string AadObjectId);
