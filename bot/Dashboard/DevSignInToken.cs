namespace BepBot.Dashboard;

public sealed record DevSignInToken(string Token, int ExpiresInSeconds);
