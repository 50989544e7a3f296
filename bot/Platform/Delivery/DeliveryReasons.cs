using System.Globalization;
using BepBot.Infrastructure.Text;
using BepBot.Platform.Reachability;
using Microsoft.Extensions.Localization;

namespace BepBot.Platform.Delivery;

/// <summary>
/// Why a delivery did not reach its recipient, as written into the delivery record (shown on the status card and in
/// the report). Stored as text, so it is written in the language of whoever reads it: the author's, French without one.
/// </summary>
public sealed class DeliveryReasons(IStringLocalizer<DeliveryTexts> texts, ReachabilityWording reachability)
{
    /// <summary>No conversation at launch: a channel without BepBot, or a person registered by e-mail or without BepBot.</summary>
    public string NotReachableAtLaunch(Broadcast broadcast, Recipient recipient)
    {
        if (recipient.Member is not { } member)
        {
            return Text(broadcast, "Delivery_ReasonChannelUninstalled");
        }

        using var scope = CultureScope.Use(CultureOf(broadcast));
        return texts["Delivery_ReasonNotReachable", reachability.Reason(ReachabilityCheck.Of(member, recipient.Conversation))].Value;
    }

    public string ConversationRemoved(Broadcast broadcast) => Text(broadcast, "Delivery_ReasonConversationRemoved");

    public string NothingToSend(Broadcast broadcast) => Text(broadcast, "Delivery_ReasonNothingToSend");

    /// <param name="status">403 (the bot was removed) or 404 (the conversation is gone).</param>
    public string Gone(Broadcast broadcast, int status) => Text(broadcast, status == 403 ? "Delivery_ReasonBotRemoved" : "Delivery_ReasonConversationGone");

    /// <param name="status">Teams' last answer, 0 when there was none.</param>
    public string Failed(Broadcast broadcast, int attempts, int status)
    {
        using var scope = CultureScope.Use(CultureOf(broadcast));
        var answer = status == 0 ? texts["Delivery_ReasonNoAnswer"].Value : status.ToString(CultureInfo.InvariantCulture);
        return texts["Delivery_ReasonFailed", attempts, answer].Value;
    }

    private string Text(Broadcast broadcast, string key)
    {
        using var scope = CultureScope.Use(CultureOf(broadcast));
        return texts[key].Value;
    }

    private static CultureInfo CultureOf(Broadcast broadcast) => Cultures.FromLocale(broadcast.AuthorConversation?.Locale);
}
