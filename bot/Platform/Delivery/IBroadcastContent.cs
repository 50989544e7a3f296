using System.Globalization;
using BepBot.Chat;

namespace BepBot.Platform.Delivery;

/// <summary>
/// Renders a feature's card for one recipient at delivery time, in the recipient's language. Returning null skips
/// that recipient (recorded as not sent, with the reason "plus d'objet"): e.g. the ballot closed meanwhile.
/// </summary>
public interface IBroadcastContent
{
    string Kind { get; }

    Task<OutgoingMessage?> RenderAsync(string reference, string recipientKey, CultureInfo culture, CancellationToken cancellationToken);

    /// <summary>
    /// What the cards of <paramref name="reference"/> show ("ballot:…", "conference:…", "lab:…"), so that a change of it
    /// updates them in place (<see cref="CardUpdates"/>); null for a notice that stays as it was sent.
    /// </summary>
    string? SubjectOf(string reference) => null;

    /// <summary>The card as it stands now for this recipient, to replace one of this kind sent earlier; null leaves that card as it is.</summary>
    Task<OutgoingMessage?> RenderUpdateAsync(string reference, string recipientKey, CultureInfo culture, CancellationToken cancellationToken) =>
        Task.FromResult<OutgoingMessage?>(null);
}
