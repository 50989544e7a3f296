using System.Globalization;
using System.Text.Json.Nodes;
using BepBot.Cards;
using BepBot.Chat;
using BepBot.Infrastructure.Text;
using BepBot.Infrastructure.Time;
using BepBot.Platform.Delivery;
using BepBot.Platform.Reachability;
using BepBot.Platform.Territory;
using Microsoft.Extensions.Localization;

namespace BepBot.Features.Broadcasts;

/// <summary>Renders the cards of composing and listing announcements in a given language (the engine's own are <see cref="DeliveryCards"/>).</summary>
public sealed class BroadcastCards(CardCatalog cards, ReachabilityWording reachability, IStringLocalizer<BroadcastsTexts> texts, IStringLocalizer<DeliveryTexts> deliveryTexts)
{
    /// <summary>The confirmation card: who will get it, who cannot be reached yet (and why), when.</summary>
    public JsonObject Preview(Broadcast draft, IReadOnlyList<Recipient> recipients, CultureInfo culture)
    {
        using var scope = CultureScope.Use(culture);
        var people = recipients.Where(recipient => recipient.Member is not null).Select(recipient => ReachabilityCheck.Of(recipient.Member!, recipient.Conversation)).ToList();
        var reachable = people.Count(reach => reach.IsReachable) + recipients.Count(recipient => recipient.Member is null && recipient.Conversation is not null);
        return cards.Render("broadcasts/preview", new
        {
            Title = texts["Broadcast_PreviewTitle"].Value,
            Intro = texts["Broadcast_PreviewIntro"].Value,
            Facts = new[]
            {
                new { Label = texts["Broadcast_FactAudience"].Value, Value = DescribeAudience(draft.Audience) },
                new { Label = texts["Broadcast_FactRecipients"].Value, Value = $"{texts["Broadcast_Recipients", recipients.Count].Value}, {texts["Broadcast_ReachableAmong", reachable].Value}" },
                new { Label = texts["Broadcast_FactWhen"].Value, Value = When(draft, culture) },
            },
            Unreachable = reachability.UnreachableNotice(people) ?? string.Empty,
            DraftId = draft.Id,
            SendButton = draft.ScheduledFor is null ? texts["Broadcast_SendNow"].Value : texts["Broadcast_Schedule"].Value,
            EditButton = texts["Broadcast_Edit"].Value,
            DiscardButton = texts["Broadcast_Discard"].Value,
        });
    }

    public JsonObject List(IReadOnlyList<Broadcast> broadcasts, CultureInfo culture)
    {
        using var scope = CultureScope.Use(culture);
        return cards.Render("broadcasts/list", new
        {
            Title = texts["Broadcast_ListTitle"].Value,
            Empty = broadcasts.Count == 0 ? texts["Broadcast_ListEmpty"].Value : string.Empty,
            Items = broadcasts.Select(broadcast => new
            {
                Title = broadcast.Updates is null ? CardText.EscapeMarkdown(broadcast.Title) : deliveryTexts["CardUpdate_StatusTitle", CardText.EscapeMarkdown(broadcast.Title)].Value,
                Detail = $"{deliveryTexts["BroadcastState_" + broadcast.State].Value} · {(broadcast.Updates is null ? DescribeAudience(broadcast.Audience) : deliveryTexts["CardUpdate_Cards", broadcast.RecipientCount].Value)} · {When(broadcast, culture)}",
                Id = broadcast.Id,
                CanCancel = broadcast.State == BroadcastState.Scheduled,
                CanReport = broadcast.State is BroadcastState.Sending or BroadcastState.Completed,
                CancelTooltip = texts["Broadcast_CancelTooltip", broadcast.Title].Value,
                ReportTooltip = texts["Broadcast_ReportTooltip", broadcast.Title].Value,
            }).ToList(),
            CancelButton = deliveryTexts["Broadcast_CancelButton"].Value,
            ReportButton = deliveryTexts["Broadcast_ReportButton"].Value,
        });
    }

    public JsonObject Confirmation(string title, string message) =>
        cards.Render("common/confirmation", new { Title = title, Message = message, Details = Array.Empty<object>() });

    public string DescribeAudience(Audience audience) => audience.Kind switch
    {
        AudienceKind.BassinBourgmestres => texts["Broadcast_AudienceBassin", TerritoryMap.FindBassin(audience.Bassin)?.ShortName ?? audience.Bassin ?? "?"],
        AudienceKind.CommuneOfficers => texts["Broadcast_AudienceCommune", audience.Commune ?? "?"],
        AudienceKind.Members => texts["Broadcast_AudienceMembers", audience.Members?.Count ?? 0],
        _ => texts["Broadcast_Audience_" + ComposeCard.IdOf(audience.Kind)],
    };

    public string When(Broadcast broadcast, CultureInfo culture) => broadcast switch
    {
        { CompletedAt: { } completed } => texts["Broadcast_WhenCompleted", BelgianTime.FormatDateTime(completed, culture)],
        { StartedAt: { } started } => texts["Broadcast_WhenStarted", BelgianTime.FormatDateTime(started, culture)],
        { ScheduledFor: { } scheduled } => texts["Broadcast_WhenScheduled", BelgianTime.FormatDateTime(scheduled, culture)],
        _ => texts["Broadcast_WhenNow"],
    };

}
