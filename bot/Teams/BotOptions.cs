namespace BepBot.Teams;

public sealed class BotOptions
{
    public const string Section = "Bot";

    /// <summary>Microsoft Entra tenant ids allowed to talk to the bot (the BEP's and the communes'). Empty: any tenant.</summary>
    public IList<string> AllowedTenants { get; } = [];

    /// <summary>Largest activity body accepted at /api/messages; Teams' own limit on a message is about 28 kB.</summary>
    public int MaxActivityBytes { get; set; } = 256 * 1024;

    /// <summary>
    /// How many turns run at once on one instance (<see cref="BepBot.Chat.TurnAdmission"/>); the others wait, the one
    /// whose Teams deadline comes first going next. Turns mostly wait for the store: a few per core keep it busy.
    /// </summary>
    public int MaxTurnsAtOnce { get; set; } = 32;

    /// <summary>
    /// Local play only: treat every activity as sent with this locale. The Agents Playground always sends en-US,
    /// which would hide the French the BEP's users see.
    /// </summary>
    public string? ForceLocale { get; set; }
}
