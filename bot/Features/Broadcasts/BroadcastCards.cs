using System.Globalization;
using System.Text.Json.Nodes;
using BepBot.Cards;
using BepBot.Chat;
using BepBot.Infrastructure.Text;
using BepBot.Infrastructure.Time;
using BepBot.Platform.Territory;
using Microsoft.Extensions.Localization;

namespace BepBot.Features.Broadcasts;

public sealed record DeliveryCounts(int Sent, int Pending, int Retrying, int Failed, int Unreachable)
{
    public int Total => Sent + Pending + Retrying + Failed + Unreachable;

    public bool IsComplete => Pending == 0 && Retrying == 0;

    public static DeliveryCounts Of(IEnumerable<Delivery> deliveries)
    {
        var list = deliveries.ToList();
        return new(
            list.Count(delivery => delivery.Status == DeliveryStatus.Sent),
            list.Count(delivery => delivery.Status is DeliveryStatus.Pending or DeliveryStatus.Sending),
            list.Count(delivery => delivery.Status == DeliveryStatus.Retrying),
            list.Count(delivery => delivery.Status == DeliveryStatus.Failed),
            list.Count(delivery => delivery.Status == DeliveryStatus.Unreachable));
    }
}

/// <summary>Renders the broadcast cards (announcement, preview, status, list) in a given language.</summary>
public sealed class BroadcastCards(CardCatalog cards, IStringLocalizer<ChatTexts> texts)
{
    private const int MaxProblemsShown = 15;

    /// <summary>The card recipients get: the author's markdown is kept (it is BEP staff's own formatting).</summary>
    public JsonObject Announcement(Broadcast broadcast, CultureInfo culture)
    {
        using var scope = CultureScope.Use(culture);
        return cards.Render("broadcasts/announcement", new
        {
            Title = CardText.EscapeMarkdown(broadcast.Title),
            broadcast.Message,
            Footer = texts["Broadcast_Footer", CardText.EscapeMarkdown(broadcast.AuthorName)].Value,
        });
    }

    public JsonObject Preview(Broadcast draft, int recipientCount, IReadOnlyList<string> unreachable, CultureInfo culture)
    {
        using var scope = CultureScope.Use(culture);
        return cards.Render("broadcasts/preview", new
        {
            Title = texts["Broadcast_PreviewTitle"].Value,
            Intro = texts["Broadcast_PreviewIntro"].Value,
            Facts = new[]
            {
                new { Label = texts["Broadcast_FactAudience"].Value, Value = DescribeAudience(draft.Audience) },
                new { Label = texts["Broadcast_FactRecipients"].Value, Value = texts["Broadcast_RecipientsValue", recipientCount, recipientCount - unreachable.Count].Value },
                new { Label = texts["Broadcast_FactWhen"].Value, Value = When(draft, culture) },
            },
            Unreachable = unreachable.Count == 0
                ? string.Empty
                : texts["Broadcast_UnreachableWarning", unreachable.Count, CardText.EscapeMarkdown(string.Join(", ", unreachable.Take(20)) + (unreachable.Count > 20 ? "…" : string.Empty))].Value,
            DraftId = draft.Id,
            SendButton = draft.ScheduledFor is null ? texts["Broadcast_SendNow"].Value : texts["Broadcast_Schedule"].Value,
            EditButton = texts["Broadcast_Edit"].Value,
            DiscardButton = texts["Broadcast_Discard"].Value,
        });
    }

    public JsonObject Status(Broadcast broadcast, IReadOnlyList<Delivery> deliveries, CultureInfo culture) =>
        Status(broadcast, DeliveryCounts.Of(deliveries), deliveries, culture);

    /// <param name="problemSource">Delivery records to list failures from (empty while only counts are known).</param>
    public JsonObject Status(Broadcast broadcast, DeliveryCounts counts, IReadOnlyList<Delivery> problemSource, CultureInfo culture)
    {
        using var scope = CultureScope.Use(culture);
        var problems = problemSource
            .Where(delivery => delivery.Status is DeliveryStatus.Failed or DeliveryStatus.Unreachable)
            .OrderBy(delivery => delivery.RecipientName, StringComparer.Create(culture, ignoreCase: true))
            .Take(MaxProblemsShown)
            .Select(delivery => new
            {
                Name = CardText.EscapeMarkdown(delivery.RecipientName),
                Outcome = CardText.EscapeMarkdown($"{texts["DeliveryOutcome_" + delivery.Status].Value} — {delivery.Reason}"),
            })
            .ToList();
        return cards.Render("broadcasts/status", new
        {
            Title = texts["Broadcast_StatusTitle", CardText.EscapeMarkdown(broadcast.Title)].Value,
            State = StateLine(broadcast, counts, culture),
            Facts = new[]
            {
                new { Label = texts["Delivery_Sent"].Value, Value = counts.Sent.ToString(culture) },
                new { Label = texts["Delivery_Pending"].Value, Value = counts.Pending.ToString(culture) },
                new { Label = texts["Delivery_Retrying"].Value, Value = counts.Retrying.ToString(culture) },
                new { Label = texts["Delivery_Failed"].Value, Value = counts.Failed.ToString(culture) },
                new { Label = texts["Delivery_Unreachable"].Value, Value = counts.Unreachable.ToString(culture) },
            },
            HasProblems = problems.Count > 0,
            ProblemsTitle = texts["Broadcast_ProblemsTitle"].Value,
            Problems = problems,
            BroadcastId = broadcast.Id,
            CanReport = broadcast.State is BroadcastState.Sending or BroadcastState.Completed,
            ReportButton = texts["Broadcast_ReportButton"].Value,
            CanCancel = broadcast.State == BroadcastState.Scheduled,
            CancelButton = texts["Broadcast_CancelButton"].Value,
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
                Title = CardText.EscapeMarkdown(broadcast.Title),
                Detail = $"{texts["BroadcastState_" + broadcast.State].Value} · {DescribeAudience(broadcast.Audience)} · {When(broadcast, culture)}",
                Id = broadcast.Id,
                CanCancel = broadcast.State == BroadcastState.Scheduled,
                CanReport = broadcast.State is BroadcastState.Sending or BroadcastState.Completed,
            }).ToList(),
            CancelButton = texts["Broadcast_CancelButton"].Value,
            ReportButton = texts["Broadcast_ReportButton"].Value,
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

    private string When(Broadcast broadcast, CultureInfo culture) => broadcast switch
    {
        { CompletedAt: { } completed } => texts["Broadcast_WhenCompleted", BelgianTime.FormatDateTime(completed, culture)],
        { StartedAt: { } started } => texts["Broadcast_WhenStarted", BelgianTime.FormatDateTime(started, culture)],
        { ScheduledFor: { } scheduled } => texts["Broadcast_WhenScheduled", BelgianTime.FormatDateTime(scheduled, culture)],
        _ => texts["Broadcast_WhenNow"],
    };

    private string StateLine(Broadcast broadcast, DeliveryCounts counts, CultureInfo culture) => broadcast.State switch
    {
        BroadcastState.Completed => texts["Broadcast_StateCompleted", BelgianTime.FormatDateTime(broadcast.CompletedAt ?? DateTimeOffset.UtcNow, culture), counts.Sent, counts.Total],
        BroadcastState.Scheduled => texts["Broadcast_StateScheduled", BelgianTime.FormatDateTime(broadcast.ScheduledFor ?? DateTimeOffset.UtcNow, culture)],
        BroadcastState.Cancelled => texts["Broadcast_StateCancelled"],
        _ => texts["Broadcast_StateSending", counts.Sent + counts.Failed + counts.Unreachable, counts.Total],
    };
}
