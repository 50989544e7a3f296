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
}
