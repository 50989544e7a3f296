namespace BepBot.Chat;

/// <summary>
/// Binds a roster entry registered by e-mail to the person who turns out to have that address, at their first contact.
/// The Roster feature implements it; the Teams edge asks Teams who the person is and calls it.
/// </summary>
public interface IMemberBinder
{
    /// <summary>
    /// Null when no entry waits for its person (then nobody needs looking up); else a value that changes whenever the
    /// roster's entries change, so an earlier "no match" can be forgotten when staff add someone.
    /// </summary>
    Task<string?> PendingVersionAsync(CancellationToken cancellationToken = default);

    /// <summary>The entry now bound to this person, or null (no match, or a conflict staff will see in the roster).</summary>
    Task<Member?> BindAsync(PersonIdentity person, CancellationToken cancellationToken = default);
}
