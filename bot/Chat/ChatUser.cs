namespace BepBot.Chat;

/// <summary>Who is talking: the roster's view of the Teams user (a guest when the roster does not know them).</summary>
public sealed record ChatUser(string AadObjectId, string Name, Role Role, Member? Member)
{
    public string? Commune => Member?.Commune;
}
