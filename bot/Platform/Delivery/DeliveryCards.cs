using System.Globalization;
using System.Text.Json.Nodes;
using BepBot.Cards;
using BepBot.Infrastructure.Text;
using BepBot.Infrastructure.Time;
using Microsoft.Extensions.Localization;

namespace BepBot.Platform.Delivery;

/// <summary>
/// The cards of the delivery engine, in a given language: the plain announcement recipients get (a broadcast without
/// feature content) and the author's live status card. Its report and cancel buttons are the Broadcasts feature's verbs.
/// </summary>
public sealed class DeliveryCards(CardCatalog cards, IStringLocalizer<DeliveryTexts> texts, DeliveryReasons reasons)
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

    public JsonObject Status(Broadcast broadcast, IReadOnlyList<DeliveryRecord> deliveries, CultureInfo culture) =>
        Status(broadcast, DeliveryCounts.Of(deliveries), deliveries, culture);

    /// <param name="problemSource">Delivery records to list failures from (empty while only counts are known).</param>
    public JsonObject Status(Broadcast broadcast, DeliveryCounts counts, IReadOnlyList<DeliveryRecord> problemSource, CultureInfo culture)
    {
        using var scope = CultureScope.Use(culture);
        var problems = problemSource
            .Where(delivery => delivery.Status is DeliveryStatus.Failed or DeliveryStatus.Unreachable)
            .OrderBy(delivery => delivery.RecipientName, StringComparer.Create(culture, ignoreCase: true))
            .Take(MaxProblemsShown)
            .Select(delivery => new
            {
                Name = CardText.EscapeMarkdown(delivery.RecipientName),
                Outcome = CardText.EscapeMarkdown($"{texts["DeliveryOutcome_" + delivery.Status].Value} — {reasons.Describe(delivery, culture)}"),
            })
            .ToList();
        return cards.Render("broadcasts/status", new
        {
            Title = StatusTitle(broadcast, culture),
            State = StateLine(broadcast, counts, culture),
            Facts = new[]
            {
                new { Label = texts[broadcast.Updates is null ? "Delivery_Sent" : "CardUpdate_UpdatedLabel"].Value, Value = counts.Sent.ToString(culture) },
                new { Label = texts["Delivery_Pending"].Value, Value = counts.Pending.ToString(culture) },
                new { Label = texts["Delivery_Retrying"].Value, Value = counts.Retrying.ToString(culture) },
                new { Label = texts["Delivery_Failed"].Value, Value = counts.Failed.ToString(culture) },
                new { Label = texts[broadcast.Updates is null ? "Delivery_Unreachable" : "CardUpdate_GoneLabel"].Value, Value = counts.Unreachable.ToString(culture) },
            },
            HasProblems = problems.Count > 0,
            ProblemsTitle = texts["Broadcast_ProblemsTitle"].Value,
            Problems = problems,
            BroadcastId = broadcast.Id,
            CanReport = broadcast.State is BroadcastState.Sending or BroadcastState.Completed,
            ReportButton = texts["Broadcast_ReportButton"].Value,
            CanCancel = broadcast is { State: BroadcastState.Scheduled, ScheduledFor: not null, Updates: null },
            CancelButton = texts["Broadcast_CancelButton"].Value,
        });
    }

    public string StatusTitle(Broadcast broadcast, CultureInfo culture)
    {
        using var scope = CultureScope.Use(culture);
        return texts[broadcast.Updates is null ? "Broadcast_StatusTitle" : "CardUpdate_StatusTitle", CardText.EscapeMarkdown(broadcast.Title)].Value;
    }

    /// <summary>What the author is told when the broadcast is over, with a notification.</summary>
    public string CompletedNotice(Broadcast broadcast, DeliveryCounts counts, CultureInfo culture)
    {
        using var scope = CultureScope.Use(culture);
        var title = CardText.EscapeMarkdown(broadcast.Title);
        return broadcast.Updates is null
            ? texts["Broadcast_CompletedNotice", title, counts.Sent, counts.Total, counts.Failed, counts.Unreachable]
            : texts["CardUpdate_CompletedNotice", title, UpdateSummary(counts)];
    }

    /// <summary>« 38 cartes mises à jour, 2 conversations introuvables »: what was not updated is named only when there is some.</summary>
    private string UpdateSummary(DeliveryCounts counts)
    {
        var parts = new List<string> { texts["CardUpdate_Updated", counts.Sent].Value };
        if (counts.Unreachable > 0)
        {
            parts.Add(texts["CardUpdate_Gone", counts.Unreachable].Value);
        }

        if (counts.Failed > 0)
        {
            parts.Add(texts["CardUpdate_Failed", counts.Failed].Value);
        }

        return string.Join(", ", parts);
    }

    private string StateLine(Broadcast broadcast, DeliveryCounts counts, CultureInfo culture) => broadcast.State switch
    {
        BroadcastState.Completed when broadcast.Updates is not null => texts["CardUpdate_StateCompleted", BelgianTime.FormatDateTime(broadcast.CompletedAt ?? DateTimeOffset.UtcNow, culture), UpdateSummary(counts)],
        BroadcastState.Completed => texts["Broadcast_StateCompleted", BelgianTime.FormatDateTime(broadcast.CompletedAt ?? DateTimeOffset.UtcNow, culture), counts.Sent, counts.Total],
        BroadcastState.Scheduled when broadcast.ScheduledFor is { } at => texts["Broadcast_StateScheduled", BelgianTime.FormatDateTime(at, culture)],
        BroadcastState.Scheduled => texts["Broadcast_StateStarting"],
        BroadcastState.Cancelled => texts["Broadcast_StateCancelled"],
        _ => texts[broadcast.Updates is null ? "Broadcast_StateSending" : "CardUpdate_StateSending", counts.Sent + counts.Failed + counts.Unreachable, counts.Total],
    };
}
