namespace BepBot.Chat;

/// <summary>
/// Who the bot knows: the port through which the core and the features read the roster, which the Roster feature
/// owns and fills (imports, edits). Reads may be served from a cache of a few seconds.
/// </summary>
public interface IMemberDirectory
{
    Task<Member?> FindAsync(string? aadObjectId, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<Member>> ListAsync(CancellationToken cancellationToken = default);

    /// <summary>True while the roster is the demonstration one (local play), which cards then say.</summary>
    Task<bool> IsDemoAsync(CancellationToken cancellationToken = default);
}
