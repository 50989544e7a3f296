using System.Globalization;
using BepBot.Infrastructure.Text;
using BepBot.Platform.Reachability;
using Microsoft.Extensions.Localization;

namespace BepBot.Platform.Delivery;

/// <summary>Why a delivery did not reach its recipient, in the words of whoever reads the status card or the report.</summary>
public sealed class DeliveryReasons(IStringLocalizer<DeliveryTexts> texts, ReachabilityWording reachability)
{
    /// <summary>The reason of a delivery in <paramref name="culture"/>; a record written before reasons were kept as what happened keeps its text.</summary>
    public string Describe(DeliveryRecord delivery, CultureInfo culture)
    {
        if (delivery.Why is not { } why)
        {
            return delivery.Reason ?? string.Empty;
        }

        using var scope = CultureScope.Use(culture);
        return why.Kind switch
        {
            DeliveryReasonKind.ChannelUninstalled => texts["Delivery_ReasonChannelUninstalled"],
            DeliveryReasonKind.PendingEmail => NotReachable(ReachabilityStatus.PendingEmail, why),
            DeliveryReasonKind.NotInstalled => NotReachable(ReachabilityStatus.NotInstalled, why),
            DeliveryReasonKind.ConversationGoneAtLaunch => NotReachable(ReachabilityStatus.ConversationGone, why),
            DeliveryReasonKind.ConversationRemoved => texts["Delivery_ReasonConversationRemoved"],
            DeliveryReasonKind.NothingToSend => texts["Delivery_ReasonNothingToSend"],
            DeliveryReasonKind.BotRemoved => texts["Delivery_ReasonBotRemoved"],
            DeliveryReasonKind.ConversationGone => texts["Delivery_ReasonConversationGone"],
            DeliveryReasonKind.Demonstration => texts["Delivery_ReasonDemonstration"],
            _ => texts["Delivery_ReasonFailed", why.Attempts, why.Status == 0 ? texts["Delivery_ReasonNoAnswer"].Value : why.Status.ToString(CultureInfo.InvariantCulture)],
        };
    }

    private string NotReachable(ReachabilityStatus status, DeliveryReason why) =>
        texts["Delivery_ReasonNotReachable", reachability.Reason(status, why.Status, why.At)];
}
