namespace BepBot.Chat;

/// <summary>
/// Who the bot knows: the port through which the core and the features read the roster, which the Roster feature
/// owns and fills (imports, edits). Reads may be served from a cache of a few seconds.
/// </summary>
public interface IMemberDirectory
{
    /// <summary>The roster entry with this object id, whatever its tenant: for ids the roster itself handed out (card data, recipients).</summary>
    Task<Member?> FindAsync(string? aadObjectId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Who is speaking: the entry of the person Teams names by tenant and object id. An entry of another tenant is not
    /// theirs, whatever object id the activity carries.
    /// </summary>
    Task<Member?> FindPersonAsync(string? tenantId, string? aadObjectId, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<Member>> ListAsync(CancellationToken cancellationToken = default);

    /// <summary>True while the roster is the demonstration one (local play), which cards then say.</summary>
    Task<bool> IsDemoAsync(CancellationToken cancellationToken = default);
}
